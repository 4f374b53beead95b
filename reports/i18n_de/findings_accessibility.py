# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the accessibility checks' findings by message id; the placeholders
are the finding's ``params``, "{n|one|other}" picks the word for a count and "[[...]]"
is said only when its params have values (reports/i18n)."""

from __future__ import annotations

_FOCUS_FIX = "Entfernen Sie den Fokusrahmen nie ersatzlos: Gestalten Sie :focus-visible mit einem deutlichen Rahmen (mindestens 2 px, Kontrast 3:1 zur Umgebung). WCAG 2.4.7 Fokus sichtbar."
_SKIP_FIX = 'Lassen Sie den Sprunglink auf die id des Hauptinhalts zeigen (<main id="main">) und prüfen Sie, dass Enter und dann Tab das erste Element des Inhalts fokussiert. WCAG 2.4.1.'
_VAGUE_FIX = "Nennen Sie das Ziel im Link selbst, z. B. „Versandkosten und Lieferzeiten“ statt „Mehr lesen“; braucht das Design den kurzen Text, ergänzen Sie den Rest für Screenreader (aria-label oder ein visuell verstecktes span). WCAG 2.4.4 Linkzweck (im Kontext)."
_ALT_MSG = "Auf Seiten von {template} {count|hat|haben} {count} {count|Bild|Bilder} einen Dateinamen oder Kameranamen als Alternativtext, z. B. „{alt}“: Ein Screenreader liest das vor, statt das Bild zu beschreiben."
_ALT_FIX = 'Schreiben Sie Alternativtexte, die sagen, was das Bild zeigt (z. B. „Alpine Shell Jacket in Rot, Vorderansicht“); verwenden Sie alt="" für Dekoration. Erzeugen Sie sie aus dem Produktnamen, wo ein CMS sie einsetzt. WCAG 1.1.1 Nicht-Text-Inhalt.'
_MOTION_FIX = "Starten Sie es nicht automatisch, oder fügen Sie eine sichtbare Pause-Schaltfläche hinzu; halten Sie es an, solange Mauszeiger oder Tastaturfokus darin sind, und beachten Sie prefers-reduced-motion. WCAG 2.2.2 Pausieren, beenden, ausblenden."
_IDS_FIX = 'Geben Sie jedem Element eine eigene id; leiten Sie sie in wiederholten Bausteinen vom Eintrag ab (z. B. id="size-{{sku}}").'

FINDINGS: dict[str, dict[str, str]] = {
    # accessibility.keyboard
    "accessibility.keyboard.trap": {
        "title": "Der Tastaturfokus sitzt fest",
        "message": "Beim Durchgehen der Seite mit der Tabulatortaste bleibt der Fokus auf {element}, so oft man auch Tab drückt ({pages} {pages|Seite|Seiten}): Wer mit der Tastatur arbeitet, erreicht nichts danach und kommt nicht mehr heraus.",
        "recommendation": "Fangen Sie Tab oder Umschalt+Tab nie in einem Tastatur-Handler ab; halten Sie den Fokus nur in einem geöffneten Dialog fest und lassen Sie ihn mit Escape schließen. WCAG 2.1.2 Keine Tastaturfalle.",
    },
    "accessibility.keyboard.focus-chrome": {
        "title": "Kein sichtbarer Fokus in Kopfzeile oder Menü",
        "message": "{count} {count|Element|Elemente} der Kopfzeile und des Menüs sehen mit und ohne Tastaturfokus gleich aus (z. B. {names}): Wer mit der Tastatur arbeitet, sieht nicht, wo er gerade ist.",
        "recommendation": _FOCUS_FIX,
    },
    "accessibility.keyboard.focus-kind": {
        "title": "Kein sichtbarer Fokus bei {kind}",
        "message": "{count} {count|Element|Elemente} in {regions} sehen mit und ohne Tastaturfokus gleich aus (z. B. {names}): Wer mit der Tastatur arbeitet, sieht nicht, wo er gerade ist.",
        "recommendation": _FOCUS_FIX,
    },
    "accessibility.keyboard.reach": {
        "title": "Elemente in Kopfzeile oder Menü, die Tab nie erreicht",
        "message": "Beim Durchgehen der ganzen Seite mit Tab bekamen {count} {count|Element|Elemente} der Kopfzeile und des Menüs nie den Fokus: {names}.",
        "recommendation": 'Verwenden Sie echte Links und Schaltflächen (oder tabindex="0" mit Tastatur-Handlern) für alles, was sich anklicken lässt. WCAG 2.1.1 Tastatur.',
    },
    "accessibility.keyboard.skip-broken-target": {
        "title": "Der Sprunglink funktioniert nicht",
        "message": "Der Sprunglink „{text}“ ({href}) ist vorhanden, aber sein Ziel existiert nicht.",
        "recommendation": _SKIP_FIX,
    },
    "accessibility.keyboard.skip-broken-tab": {
        "title": "Der Sprunglink funktioniert nicht",
        "message": "Der Sprunglink „{text}“ ({href}) ist vorhanden, aber der nächste Tab landet nicht in seinem Ziel.",
        "recommendation": _SKIP_FIX,
    },
    "accessibility.keyboard.skip-missing": {
        "title": "Kein Sprunglink zum Hauptinhalt",
        "message": "Der erste Tab bietet keinen Link, der Kopfzeile und Menü überspringt[[ (er fokussiert {first})]]; wer mit der Tastatur arbeitet, muss auf jeder Seite durch die ganze Kopfzeile ({pages} {pages|Seite|Seiten}).",
        "recommendation": 'Setzen Sie einen Link „Zum Hauptinhalt springen“ an den Anfang des body, sichtbar sobald er den Fokus hat, mit Ziel <main id="main">. WCAG 2.4.1 Blöcke umgehen.',
    },
    # accessibility.reflow
    "accessibility.reflow.zoom": {
        "title": "Zoomen mit zwei Fingern ist abgeschaltet",
        "message": 'Das Viewport-Meta-Tag enthält {why} (content="{meta}"): Auf dem Telefon kann Kundschaft mit Sehschwäche nicht hineinzoomen, um zu lesen.',
        "recommendation": 'Verwenden Sie <meta name="viewport" content="width=device-width, initial-scale=1"> ohne maximum-scale und user-scalable. WCAG 1.4.4 Änderung der Textgröße.',
    },
    "accessibility.reflow.reflow": {
        "title": "Seitliches Scrollen bei {width} px",
        "message": "In einem Fenster von {width} CSS-px Breite sind Seiten von {template} {page_px} px breit[[; {element} reicht bis {right_px} px]]: Wer hineinzoomt, muss für jede Zeile in beide Richtungen scrollen.",
        "recommendation": "Lassen Sie das Layout umbrechen: flexible Breiten, max-width: 100% für Bilder und Medien, Umbruch langer Wörter, breite Tabellen in einer eigenen Scrollbox. WCAG 1.4.10 Umbruch.",
    },
    "accessibility.reflow.cut": {
        "title": "Inhalt bei {width} px abgeschnitten",
        "message": "In einem Fenster von {width} CSS-px Breite reicht {element} bis {right_px} px, und die Seite versteckt, was übersteht (overflow-x: hidden): Wer hineinzoomt, kommt gar nicht daran.",
        "recommendation": 'Lassen Sie den Inhalt umbrechen, statt den Überstand zu verstecken: flexible Breiten, max-width: 100% für Bilder und Medien, breite Tabellen in einer eigenen, per Tastatur scrollbaren Box (tabindex="0" und ein Name). WCAG 1.4.10 Umbruch.',
    },
    "accessibility.reflow.locked": {
        "title": "Eine Box scrollt bei {width} px seitlich, aber nicht per Tastatur",
        "message": "In einem Fenster von {width} CSS-px Breite fasst {element} {content_px} px Inhalt auf {box_px} px und scrollt seitlich, nimmt aber keinen Tastaturfokus an und enthält nichts, was ihn annimmt: Wer mit der Tastatur arbeitet, kann nicht zum Rest scrollen.",
        "recommendation": 'Lassen Sie den Inhalt umbrechen, wo es geht; wo er scrollen muss (eine breite Tabelle), machen Sie die Scrollbox fokussierbar (tabindex="0") und benennen Sie sie (role="region" mit aria-label). WCAG 1.4.10 Umbruch und 2.1.1 Tastatur.',
    },
    # accessibility.link-texts
    "accessibility.link-texts.pseudo": {
        "title": "Links auf „{kind}“, die als Schaltflächen dienen ({count} {count|Link|Links})",
        "message": "{count} {count|Link|Links} (z. B. {names}) {count|zeigt|zeigen} auf „{href}“: {count|Er führt|Sie führen} nirgendwohin und {count|funktioniert|funktionieren} nur per Skript; trotzdem sagen Screenreader einen Link an, in einem neuen Tab öffnet sich eine leere Seite, und ohne Skript passiert nichts. Auf {pages} {pages|Seite|Seiten}.",
        "recommendation": 'Verwenden Sie ein <button type="button"> für alles, was auf der Seite etwas tut (ein Menü öffnet, in den Warenkorb legt), und einen Link mit echter Adresse für alles, was woandershin führt. WCAG 4.1.2 Name, Rolle, Wert und 2.4.4 Linkzweck.',
    },
    "accessibility.link-texts.vague-one": {
        "title": "Der Linktext „{name}“ sagt nicht, wohin er führt",
        "message": "Der Link „{name}“ (zu {target}) nennt kein Ziel; wer sich mit dem Screenreader die Links auflisten lässt, hört nur „{name}“. Auf {pages} {pages|Seite|Seiten}.",
        "recommendation": _VAGUE_FIX,
    },
    "accessibility.link-texts.vague-many": {
        "title": "Der Linktext „{name}“ sagt nicht, wohin er führt",
        "message": "Der Link „{name}“ ({targets} Links auf verschiedene Seiten) nennt kein Ziel; wer sich mit dem Screenreader die Links auflisten lässt, hört nur „{name}“. Auf {pages} {pages|Seite|Seiten}.",
        "recommendation": _VAGUE_FIX,
    },
    "accessibility.link-texts.ambiguous": {
        "title": "Ein Linktext, {count} Ziele: „{text}“",
        "message": "Auf Seiten von {template} führen {count} Links namens „{text}“ auf verschiedene Seiten; ohne Zusammenhang lassen sie sich nicht unterscheiden.",
        "recommendation": "Geben Sie jedem Link einen Namen, der sein Ziel unterscheidet (z. B. „Details: Alpine Shell Jacket“), oder einen Namen je Ziel. WCAG 2.4.4 und 2.4.9.",
    },
    # accessibility.text-resize
    **{
        f"accessibility.text-resize.{where}{scrolls}": {
            "title": ("Text in Kopfzeile oder Menü" if where == "chrome" else "Text")
            + " wird bei {factor} % Textgröße abgeschnitten",
            "message": "Bei auf {factor} % vergrößertem Text {count|schneidet|schneiden} {count} {count|Box|Boxen} ihren Text ab"
            + (
                " oder {count|verbirgt|verbergen} ihn in einer Box, die keine Tastatur scrollen kann"
                if scrolls
                else ""
            )
            + ", z. B. {element} („{text}“, {hidden_px} px verborgen).",
            "recommendation": "Lassen Sie Boxen mit Text mitwachsen: min-height statt height, kein overflow: hidden um Text, Größen in rem oder em, Menüs, die umbrechen. WCAG 1.4.4 Änderung der Textgröße.",
        }
        for where in ("chrome", "content")
        for scrolls in ("", "-scrolls")
    },
    # accessibility.image-alts
    "accessibility.image-alts.file-name": {
        "title": "Bilder, die mit ihrem Dateinamen beschrieben sind",
        "message": _ALT_MSG,
        "recommendation": _ALT_FIX,
    },
    "accessibility.image-alts.file-name-linked": {
        "title": "Bilder, die mit ihrem Dateinamen beschrieben sind",
        "message": _ALT_MSG
        + " Das Bild ist ein Link, sein Alternativtext ist also der Name des Links.",
        "recommendation": _ALT_FIX,
    },
    # accessibility.motion
    "accessibility.motion.carousel": {
        "title": "Ein Karussell bewegt sich von selbst und lässt sich nicht anhalten",
        "message": "Auf Seiten von {template} wechselt das Karussell {element} von selbst und bietet keine Pause- oder Stopp-Schaltfläche.",
        "recommendation": _MOTION_FIX,
    },
    "accessibility.motion.video": {
        "title": "Ein Video bewegt sich von selbst und lässt sich nicht anhalten",
        "message": "Auf Seiten von {template} spielt das Video {element} von selbst ab und bietet keine Pause- oder Stopp-Schaltfläche.",
        "recommendation": _MOTION_FIX,
    },
    # accessibility.choice-groups
    **{
        f"accessibility.choice-groups.{kind}": {
            "title": "{inputs} " + noun + " ohne Gruppenbeschriftung: „{name}“",
            "message": "Die "
            + noun
            + " namens „{name}“ ({options}) haben {problem}[[ (die Frage lautet wohl „{question}“)]]: Ein Screenreader sagt jede Antwort ohne die Frage an. Auf {pages} {pages|Seite|Seiten}.",
            "recommendation": 'Setzen Sie die Gruppe in ein <fieldset>, dessen <legend> die Frage stellt, oder geben Sie ihrem Container role="radiogroup" (Optionsfelder) bzw. role="group" (Kontrollkästchen) und aria-labelledby, das auf die Frage zeigt. WCAG 1.3.1 Info und Beziehungen, 3.3.2 Beschriftungen oder Anweisungen.',
        }
        for kind, noun in (("radio", "Optionsfelder"), ("checkbox", "Kontrollkästchen"))
    },
    # accessibility.duplicate-ids
    "accessibility.duplicate-ids.plain": {
        "title": "Die id „{id}“ kommt auf einer Seite mehrfach vor",
        "message": 'Auf Seiten von {template} tragen {count} Elemente id="{id}".',
        "recommendation": _IDS_FIX,
    },
    "accessibility.duplicate-ids.referenced": {
        "title": "Die id „{id}“ kommt auf einer Seite mehrfach vor",
        "message": 'Auf Seiten von {template} tragen {count} Elemente id="{id}". Eine Beschriftung, Beschreibung oder ein Link verweist darauf, also können Hilfstechniken das falsche Element ansagen oder anspringen.',
        "recommendation": _IDS_FIX,
    },
}

#: axe-core's rules by their help text in German (the findings' titles)
_AXE = {
    "image-alt": "Bilder müssen einen Alternativtext haben",
    "button-name": "Schaltflächen müssen einen erkennbaren Text haben",
    "link-name": "Links müssen einen erkennbaren Text haben",
    "color-contrast": "Elemente müssen das Mindest-Kontrastverhältnis einhalten",
    "html-has-lang": "Das <html>-Element muss ein lang-Attribut haben",
    "html-lang-valid": "Das lang-Attribut des <html>-Elements muss gültig sein",
    "document-title": "Dokumente brauchen ein <title>-Element zur Orientierung",
    "label": "Formularelemente müssen beschriftet sein",
    "meta-viewport": "Zoomen und Skalieren dürfen nicht abgeschaltet sein",
    "duplicate-id-aria": "Ids, auf die ARIA verweist, müssen eindeutig sein",
    "heading-order": "Überschriftenebenen dürfen nur um eins steigen",
    "landmark-one-main": "Das Dokument braucht genau einen main-Bereich",
    "page-has-heading-one": "Die Seite braucht eine Überschrift der ersten Ebene",
    "region": "Alle Inhalte der Seite müssen in Landmarks stehen",
    "list": "Listen dürfen nur <li>-, <script>- oder <template>-Elemente enthalten",
    "listitem": "<li>-Elemente müssen in einem <ul> oder <ol> stehen",
    "frame-title": "Frames müssen einen zugänglichen Namen haben",
    "aria-required-attr": "ARIA-Rollen brauchen alle vorgeschriebenen Attribute",
    "aria-command-name": "ARIA-Schaltflächen, -Links und -Menüpunkte brauchen einen zugänglichen Namen",
    "select-name": "Auswahlfelder müssen einen zugänglichen Namen haben",
    "input-image-alt": "Bild-Schaltflächen müssen einen Alternativtext haben",
    "svg-img-alt": "SVG-Bilder mit role=img brauchen einen Alternativtext",
    "target-size": "Tippziele müssen groß genug sein oder Abstand haben",
    "bypass": "Die Seite muss Blöcke überspringen lassen",
}
#: what to do, by rule (checks/accessibility/axe.py's FIXES in German)
_AXE_FIXES = {
    "image-alt": 'Geben Sie jedem Produkt- und Inhaltsbild einen Alternativtext, der sagt, was es zeigt (den Produktnamen und was am Bild wichtig ist); alt="" für Dekoration.',
    "color-contrast": "Machen Sie den Text dunkler oder seinen Hintergrund heller, bis der Kontrast mindestens 4,5:1 beträgt (3:1 für großen Text); prüfen Sie Fußzeile, Platzhalter und graue Preise.",
    "button-name": 'Geben Sie jeder Schaltfläche einen Namen: sichtbaren Text oder aria-label bei einer Schaltfläche nur mit Symbol (z. B. aria-label="Suchen").',
    "link-name": "Geben Sie jedem Link einen Namen: sichtbaren Text, ein Bild mit Alternativtext oder aria-label bei einem Link nur mit Symbol.",
    "label": "Verknüpfen Sie jedes Formularfeld mit einem sichtbaren <label for>; ein Platzhalter ist keine Beschriftung.",
    "html-has-lang": 'Geben Sie die Sprache der Seite am Wurzelelement an: <html lang="de"> (oder en, fr, ...), damit Screenreader den Text richtig aussprechen.',
    "html-lang-valid": "Verwenden Sie in <html lang> einen gültigen Sprachcode, z. B. de, en, de-AT.",
    "document-title": "Geben Sie jeder Seite einen eindeutigen, aussagekräftigen <title> (erst die Seite, dann der Shopname).",
    "meta-viewport": "Entfernen Sie maximum-scale und user-scalable=no aus dem Viewport-Meta-Tag.",
    "landmark-one-main": "Fassen Sie den Hauptinhalt der Seite in genau ein <main>-Element.",
    "region": "Setzen Sie alle Inhalte in Landmarks (header, nav, main, footer).",
    "heading-order": "Verwenden Sie Überschriftenebenen der Reihe nach (h1, dann h2, dann h3), ohne eine auszulassen.",
    "page-has-heading-one": "Geben Sie jeder Seite eine h1, die sie benennt.",
    "list": "Setzen Sie direkt in <ul> und <ol> nur <li>-Elemente.",
    "listitem": "Setzen Sie jedes <li> in ein <ul> oder <ol>.",
    "aria-command-name": "Geben Sie jedem Element mit role=button, link oder menuitem einen Namen.",
    "select-name": "Verknüpfen Sie jedes Auswahlfeld mit einer sichtbaren Beschriftung.",
    "frame-title": "Geben Sie jedem iframe einen title, der sagt, was er enthält.",
    "target-size": "Machen Sie Tippziele mindestens 24 × 24 CSS-Pixel groß oder halten Sie Abstand zwischen ihnen.",
    "bypass": "Fügen Sie einen Sprunglink oder Landmarks hinzu, damit Tastaturnutzer die Kopfzeile überspringen können.",
}
_AXE_MESSAGE = "{help}: {count} {count|Element|Elemente}[[ in {regions}]] auf {pages} {pages|Seite|Seiten}[[ der Vorlage {template}]][[ (Text / Hintergrund: {colours})]]."
_AXE_MORE = " Mehr dazu in der Anleitung von axe zu „{rule}“: {help_url}"
for _rule, _help in _AXE.items():
    _fix = _AXE_FIXES.get(_rule, _help + ".") + _AXE_MORE
    _message = _AXE_MESSAGE.replace("{help}", _help)
    FINDINGS[f"accessibility.axe.{_rule}"] = {
        "title": _help,
        "message": _message,
        "recommendation": _fix,
    }
    FINDINGS[f"accessibility.axe.{_rule}.many"] = {
        "title": _help + " ({count} Elemente)",
        "message": _message,
        "recommendation": _fix,
    }
