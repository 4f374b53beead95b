"""The German texts of what the checks say: their titles by check id, the words they
pass as params, and the findings' texts by message id (``{placeholders}`` from the
finding's ``params``). Apart from reports/i18n_de.py (what the reports write
themselves) because the two grow with different things: this one with the checks.
"""

from __future__ import annotations

#: Check titles by check id (results.json's ``checks[].title`` stays English).
CHECKS: dict[str, str] = {
    "accessibility.axe": "Automatische WCAG-Tests (axe-core)",
    "accessibility.duplicate-ids": "Eindeutige ids",
    "accessibility.image-alts": "Alternativtexte, die das Bild beschreiben",
    "accessibility.keyboard": "Tastatur: erreichbar, sichtbarer Fokus, keine Falle, Sprunglink",
    "accessibility.link-texts": "Linktexte, die ihr Ziel nennen",
    "accessibility.motion": "Bewegte Inhalte, die sich anhalten lassen",
    "accessibility.reflow": "Zoom erlaubt, Inhalt bricht bei 320 px um",
    "accessibility.text-resize": "Auf 200 % vergrößerter Text bleibt lesbar",
    "forms.buttons": "Absenden-Schaltflächen und Feldhilfen",
    "forms.error-handling": "Fehlermeldungen bei falsch ausgefüllten Formularen",
    "forms.input-types": "Eingabetypen und Autocomplete-Angaben",
    "forms.labels": "Formularfelder mit sichtbarer, verknüpfter Beschriftung",
    "forms.length": "Formularlänge",
    "forms.required-fields": "Pflichtfelder sind gekennzeichnet",
    "forms.touch-targets": "Tippziele und Feldbreiten",
    "navigation.breadcrumbs": "Brotkrümelnavigation",
    "navigation.broken-links": "Defekte Links und Ressourcen",
    "navigation.click-depth": "Klicktiefe",
    "navigation.dead-ends": "Sackgassen",
    "navigation.key-pages": "Schlüsselseiten",
    "navigation.main-menu": "Hauptmenü",
    "navigation.orphans": "Verwaiste Seiten",
    "navigation.pagination": "Seitennummerierung",
    "navigation.redirect-chains": "Weiterleitungsketten",
    "navigation.soft-404": "Soft-404 und Fehlerseiten",
    "performance.caching": "Statische Ressourcen ohne Caching",
    "performance.compression": "Unkomprimierte Textressourcen",
    "performance.image-sizes": "Übergroße Bilder",
    "performance.page-weight": "Budget für das Seitengewicht",
    "performance.render-blocking": "Renderblockierende Ressourcen",
    "performance.web-vitals": "Ladezeit (Web Vitals)",
    "search.box": "Suchfeld",
    "search.results": "Suchergebnisse",
    "search.speed": "Geschwindigkeit der Suche",
    "search.suggestions": "Suchvorschläge",
    "search.tolerance": "Fehlertoleranz der Suche",
    "search.zero-results": "Seite ohne Treffer",
}

#: Words a check passes as params (a form's kind, a band, where a link sits) in German;
#: only the params named in ``TERM_PARAMS`` are looked up, never the shop's own text.
TERMS: dict[str, str] = {
    "search form": "Suchformular",
    "sign-in form": "Anmeldeformular",
    "registration form": "Registrierungsformular",
    "checkout form": "Kassenformular",
    "payment form": "Zahlungsformular",
    "contact form": "Kontaktformular",
    "newsletter form": "Newsletter-Formular",
    "form": "Formular",
    "empty": "leer",
    "malformed email": "mit fehlerhafter E-Mail-Adresse",
    "needs-improvement": "verbesserungswürdig",
    "poor": "schlecht",
    "nav": "der Hauptnavigation",
    "header": "der Kopfzeile",
    "footer": "der Fußzeile",
    "breadcrumb": "der Brotkrümelnavigation",
    "body": "dem Seiteninhalt",
    "image": "Bild",
    "script": "Skript",
    "stylesheet": "Stylesheet",
    "font": "Schrift",
    "document": "Dokument",
    "media": "Mediendatei",
    "other": "Datei",
}
TERM_PARAMS = frozenset({"form", "attempt", "band", "place", "kind"})

_FORMS_FIX_EMPTY = (
    "Prüfen Sie Pflichtfelder im Browser vor dem Absenden (required-Attribute oder Skript) "
    "und zeigen Sie jeden Fehler direkt an seinem Feld."
)
_FOCUS_FIX = (
    "Setzen Sie den Fokus auf das erste falsche Feld (oder auf eine Fehlerübersicht, die zu "
    "den Feldern verlinkt)."
)
_VITALS = {
    "lcp_ms": (
        "Largest Contentful Paint",
        "Lassen Sie das größte Element früh ankommen: das Bild im Kopfbereich klein und "
        "cachebar ausliefern (AVIF/WebP in passender Größe), vorladen oder mit "
        "fetchpriority=high markieren, nie per Lazy Loading laden, und die erste Antwort "
        "des Servers schnell halten.",
    ),
    "cls": (
        "Cumulative Layout Shift",
        "Reservieren Sie Platz für alles, was spät kommt: Breite und Höhe bei Bildern, feste "
        "Flächen für Banner und Consent-Leisten, und kein Inhalt, der über bereits "
        "Sichtbarem eingefügt wird.",
    ),
    "inp_ms": (
        "Interaction to Next Paint",
        "Halten Sie den Hauptthread frei, wenn die Kundschaft tippt: lange Aufgaben teilen, "
        "Skripte von Drittanbietern verzögern und sofort eine Rückmeldung zeigen, bevor "
        "schwere Arbeit beginnt.",
    ),
    "fcp_ms": (
        "First Contentful Paint",
        "Zeigen Sie früher etwas: kritisches CSS inline, Skripte im Kopf mit async/defer "
        "laden und die Antwortzeit des Servers senken.",
    ),
    "ttfb_ms": (
        "Time to First Byte",
        "Antworten Sie schneller: gerenderte Seiten cachen (Full-Page-Cache, CDN) und die "
        "langsamen Datenbankabfragen oder Backend-Aufrufe hinter dieser Vorlage finden.",
    ),
    "tbt_ms": (
        "Total Blocking Time",
        "Zerlegen Sie die hier genannten langen Aufgaben: die Skripte dahinter verzögern oder "
        "entfernen, Tags von Drittanbietern nach der Seite laden und schwere Arbeit in "
        "kleine Stücke teilen.",
    ),
}
_TOLERANCE = {
    "swap": "einem Tippfehler (zwei Buchstaben vertauscht)",
    "drop": "einem Tippfehler (ein Buchstabe fehlt)",
    "plural": "dem Plural",
    "singular": "dem Singular",
    "case": "anderer Groß-/Kleinschreibung",
    "umlaut": "Umlauten als ae/oe/ue",
    "synonym": "einem Synonym",
    "sku": "der Artikelnummer (SKU)",
}

#: Findings' texts by message id; the placeholders are the finding's ``params`` (and
#: ``form_named``: the form's kind in German with the shop's name of it).
FINDINGS: dict[str, dict[str, str]] = {
    # forms.error-handling
    "forms.error-handling.dialog": {
        "title": "Fehler in einem Pop-up-Dialog ({form})",
        "recommendation": "Zeigen Sie jeden Fehler an seinem Feld, verknüpft mit "
        "aria-describedby, statt mit alert().",
    },
    "forms.error-handling.empty-sent": {
        "title": "Keine Fehlermeldung beim leeren Absenden ({form})",
        "recommendation": _FORMS_FIX_EMPTY,
    },
    "forms.error-handling.empty-silent": {
        "title": "Beim leeren Absenden passiert nichts ({form})",
        "message": "Das {form_named} auf {path} wurde mit lauter leeren Feldern abgeschickt "
        "({fields}): Es erschien keine Meldung, kein Feld wurde markiert und nichts wurde "
        "gesendet.",
        "recommendation": _FORMS_FIX_EMPTY,
    },
    "forms.error-handling.not-announced": {
        "title": "Fehlermeldungen werden nicht angesagt ({form})",
        "recommendation": "Setzen Sie den Fokus auf das erste falsche Feld, dessen Fehler mit "
        "aria-describedby verknüpft ist (oder auf eine Fehlerübersicht), oder geben Sie den "
        'Meldungen role="alert" (WCAG 4.1.3).',
    },
    "forms.error-handling.focus-button": {
        "title": "Fokus nicht auf den ersten Fehler gesetzt ({form})",
        "message": "Das {form_named}, {attempt} abgeschickt, zeigte Fehler, ließ den Fokus "
        "aber auf der Absenden-Schaltfläche: Wer mit Tastatur oder Screenreader arbeitet, "
        "muss das falsche Feld erst suchen.",
        "recommendation": _FOCUS_FIX,
    },
    "forms.error-handling.focus-elsewhere": {
        "title": "Fokus nicht auf den ersten Fehler gesetzt ({form})",
        "message": "Das {form_named}, {attempt} abgeschickt, zeigte Fehler, ließ den Fokus "
        "aber anderswo: Wer mit Tastatur oder Screenreader arbeitet, muss das falsche Feld "
        "erst suchen.",
        "recommendation": _FOCUS_FIX,
    },
    "forms.error-handling.not-tied": {
        "title": "Fehlermeldungen nicht mit ihren Feldern verknüpft ({form})",
        "recommendation": "Zeigen Sie unter jedem falschen Feld einen Fehler, verknüpfen Sie "
        'ihn mit aria-describedby und setzen Sie aria-invalid="true" (WCAG 3.3.1).',
    },
    "forms.error-handling.malformed-sent": {
        "title": "Fehlerhafte E-Mail-Adresse angenommen ({form})",
        "recommendation": 'Verwenden Sie type="email" und prüfen Sie das Format beim '
        "Verlassen des Felds und beim Absenden, mit einer Meldung, die ein Beispiel zeigt "
        "(name@example.com).",
    },
    "forms.error-handling.malformed-silent": {
        "title": "Fehlerhafte E-Mail-Adresse angenommen ({form})",
        "message": "Das {form_named}: Das E-Mail-Feld {field} nahm „{value}“ (ohne @) an, "
        "und nichts hat die Kundschaft darauf hingewiesen.",
        "recommendation": 'Verwenden Sie type="email" und prüfen Sie das Format beim '
        "Verlassen des Felds und beim Absenden, mit einer Meldung, die ein Beispiel zeigt "
        "(name@example.com).",
    },
    "forms.error-handling.values-lost": {
        "title": "Eingaben nach fehlgeschlagenem Absenden verloren ({form})",
        "recommendation": "Behalten Sie alle Eingaben der Kundschaft (außer Passwörtern), "
        "wenn Sie Fehler anzeigen.",
    },
    "forms.error-handling.no-inline": {
        "title": "Keine Prüfung beim Ausfüllen ({form})",
        "message": "Das {form_named}: Wer das E-Mail-Feld {field} mit „{value}“ verlässt, "
        "sieht am Feld nichts; den Fehler erfährt die Kundschaft erst nach dem Absenden. "
        "Baymard (2024): 31 % der Websites prüfen Eingaben nicht schon beim Ausfüllen.",
        "recommendation": "Prüfen Sie das Format, wenn das Feld verlassen wird (nicht während "
        "des Tippens), und entfernen Sie die Meldung, sobald der Fehler behoben ist.",
    },
    # forms.buttons
    "forms.buttons.no-submit": {
        "title": "Formular ohne Absenden-Schaltfläche ({form})",
        "recommendation": 'Fügen Sie ein <button type="submit"> hinzu, das das Ergebnis benennt.',
    },
    "forms.buttons.show-password": {
        "title": "Passwort lässt sich nicht anzeigen ({form})",
        "recommendation": "Fügen Sie neben dem Feld einen Schalter „Passwort anzeigen“ hinzu "
        '(ein <button type="button"> mit aria-pressed, der das Feld zwischen type=password '
        "und type=text umschaltet).",
    },
    "forms.buttons.button-icon-only": {
        "title": "Absenden-Schaltfläche nur mit Symbol ({form})",
        "recommendation": "Geben Sie ihr einen sichtbaren Text („Suchen“, „Nachricht "
        "senden“) oder wenigstens ein aria-label, und markieren Sie das Symbol mit "
        "aria-hidden.",
    },
    "forms.buttons.button-no-text": {
        "title": "Absenden-Schaltfläche ohne Text ({form})",
        "recommendation": "Geben Sie ihr einen sichtbaren Text („Suchen“, „Nachricht "
        "senden“) oder wenigstens ein aria-label, und markieren Sie das Symbol mit "
        "aria-hidden.",
    },
    "forms.buttons.button-generic": {
        "title": "Nichtssagende Absenden-Schaltfläche „{button}“ ({form})",
    },
    "forms.buttons.format-hint": {
        "title": "Formatregel wird erst nach dem Fehler erklärt ({form})",
    },
    # forms.length
    "forms.length.too-long": {
        "title": "Langes Formular: {count} Felder ({form})",
    },
    "forms.length.confirm-email": {
        "title": "Feld zur Bestätigung der E-Mail-Adresse ({form})",
        "recommendation": "Fragen Sie nur einmal; zeigen Sie die Adresse im Prüfschritt noch "
        "einmal an und prüfen Sie ihr Format direkt beim Ausfüllen.",
    },
    "forms.length.captcha": {"title": "CAPTCHA im Formular ({form})"},
    "forms.length.address-line2": {
        "title": "Zweite Adresszeile standardmäßig sichtbar ({form})",
    },
    "forms.length.split-name": {"title": "Getrennte Felder für Vor- und Nachname ({form})"},
    # forms.labels
    "forms.labels.placeholder-only": {
        "title": "Platzhalter als einzige Beschriftung ({form})",
        "recommendation": "Setzen Sie ein sichtbares <label for=...> über das Feld; ein "
        "Platzhalter darf ein Beispiel zeigen, nie den Namen des Felds (NN/g: Platzhalter in "
        "Formularfeldern schaden).",
    },
    "forms.labels.no-label": {"title": "Formularfeld ohne Beschriftung ({form})"},
    "forms.labels.no-visible-label": {
        "title": "Feld nur für Screenreader beschriftet ({form})",
    },
    "forms.labels.label-in-name": {
        "title": "Zugänglicher Name weicht von der sichtbaren Beschriftung ab ({form})",
    },
    # forms.input-types
    "forms.input-types.type-email": {"title": 'E-Mail-Feld vom Typ "{type}" ({form})'},
    "forms.input-types.type-tel": {"title": 'Telefonfeld vom Typ "{type}" ({form})'},
    "forms.input-types.number": {"title": "Ziffern in einem Zahlenfeld ({form})"},
    "forms.input-types.token-invalid": {"title": "Ungültiger autocomplete-Wert ({form})"},
    "forms.input-types.token-off": {
        "title": "Autovervollständigung bei persönlichen Daten abgeschaltet ({form})",
    },
    "forms.input-types.token-missing": {
        "title": "Felder ohne Autocomplete-Angabe ({form})",
    },
    # forms.required-fields
    "forms.required-fields.unmarked": {
        "title": "Pflichtfelder sind nicht gekennzeichnet ({form})",
        "recommendation": "Kennzeichnen Sie Pflichtfelder mit „*“ (über dem Formular "
        "erklärt) und dem required-Attribut, oder kennzeichnen Sie die optionalen mit "
        "„(optional)“.",
    },
    "forms.required-fields.not-shown": {
        "title": "Pflichtfelder nicht sichtbar gekennzeichnet ({form})",
    },
    "forms.required-fields.not-in-markup": {"title": "Pflicht nur fürs Auge ({form})"},
    # forms.touch-targets
    "forms.touch-targets.small-target": {
        "title": "Tippziele auf dem Telefon zu klein ({form})",
    },
    "forms.touch-targets.narrow-field": {"title": "Feld zu schmal für seinen Inhalt ({form})"},
    # search
    "search.results.not-found": {"title": "Produkt wird über seinen Namen nicht gefunden"},
    "search.results.not-first": {
        "title": "Produkt nicht unter den ersten Ergebnissen für seinen Namen",
    },
    "search.results.category-nothing": {"title": "Kategoriename findet nichts"},
    "search.results.count": {
        "title": "Ergebnisseite sagt nicht, wie viel sie gefunden hat",
        "recommendation": "Nennen Sie die Zahl der Ergebnisse oben: „24 Ergebnisse für „Jacke““.",
    },
    "search.results.echo": {
        "title": "Ergebnisseite wiederholt den Suchbegriff nicht",
        "recommendation": "Wiederholen Sie den Suchbegriff über den Ergebnissen: „24 "
        "Ergebnisse für „Jacke““.",
    },
    "search.results.kept": {
        "title": "Suchfeld auf der Ergebnisseite geleert",
        "recommendation": "Lassen Sie den Suchbegriff im Suchfeld stehen, damit man ihn "
        "verfeinern kann, ohne ihn neu zu tippen.",
    },
    "search.results.refine": {"title": "Ergebnisse lassen sich weder sortieren noch filtern"},
    "search.zero-results.dead-end": {"title": "Seite ohne Treffer ist eine Sackgasse"},
    "search.zero-results.little-help": {"title": "Seite ohne Treffer hilft kaum weiter"},
    "search.box.search-missing-on-some-pages": {"title": "Suche fehlt auf manchen Seiten"},
    "search.box.search-field-hidden-behind-an-icon": {
        "title": "Suchfeld hinter einem Symbol versteckt",
    },
    "search.box.search-field-not-in-the-header": {"title": "Suchfeld nicht in der Kopfzeile"},
    "search.box.search-field-has-no-label": {"title": "Suchfeld ohne Beschriftung"},
    "search.box.search-field-too-narrow": {"title": "Suchfeld zu schmal"},
    "search.box.search-is-not-marked-as-a-search-landmark": {
        "title": "Suche nicht als Such-Landmark ausgezeichnet",
        "recommendation": 'Geben Sie dem Suchformular role="search".',
    },
    "search.box.search-field-has-no-submit-button": {
        "title": "Suchfeld ohne Absenden-Schaltfläche",
    },
    "search.box.no-search-field-found": {"title": "Kein Suchfeld gefunden"},
    "search.speed.search-is-slow": {"title": "Die Suche ist langsam"},
    "search.suggestions.no-autocomplete-suggestions": {"title": "Keine Suchvorschläge beim Tippen"},
    "search.suggestions.autocomplete-suggestions-appear-slowly": {
        "title": "Suchvorschläge erscheinen langsam",
    },
    "search.suggestions.autocomplete-suggestions-cannot-be-chosen-by-keyboard": {
        "title": "Suchvorschläge lassen sich nicht per Tastatur wählen",
    },
    # navigation.broken-links
    "navigation.broken-links.link": {
        "title": "Link führt auf eine Fehlerseite",
        "message": "Der Link „{text}“ in {place} führt zu {target}, das mit HTTP {status} "
        "antwortet. Er steht auf {count} Seite(n).",
        "recommendation": "Lassen Sie den Link auf die Seite zeigen, die die alte ersetzt hat, "
        "leiten Sie die alte Adresse mit 301 auf ihren nächsten Nachfolger um, oder entfernen "
        "Sie den Link.",
    },
    "navigation.broken-links.resource-missing": {
        "title": "Eine Ressource der Seite fehlt ({kind})",
        "message": "{kind} {target} antwortet auf {count} Seite(n) mit HTTP {status}: Die "
        "Kundschaft sieht eine Lücke oder einen kaputten Seitenteil.",
        "recommendation": "Stellen Sie die Datei wieder her oder entfernen Sie den Verweis "
        "darauf aus der Vorlage.",
    },
    "navigation.broken-links.resource-unreachable": {
        "title": "Eine Ressource der Seite ist nicht erreichbar ({kind})",
    },
}
for _key, (_name, _fix) in _VITALS.items():
    FINDINGS[f"performance.web-vitals.{_key}-one"] = {
        "title": _name + " ist {band} auf {path}",
        "recommendation": _fix,
    }
    FINDINGS[f"performance.web-vitals.{_key}-many"] = {
        "title": _name + " ist {band} auf {count} Seiten von {template}",
        "recommendation": _fix,
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
    "region": "Alle Inhalte der Seite müssen in Landmarks stehen",
    "list": "Listen dürfen nur <li>-, <script>- oder <template>-Elemente enthalten",
    "listitem": "<li>-Elemente müssen in einem <ul> oder <ol> stehen",
    "frame-title": "Frames müssen einen zugänglichen Namen haben",
    "aria-required-attr": "ARIA-Rollen brauchen alle vorgeschriebenen Attribute",
    "select-name": "Auswahlfelder müssen einen zugänglichen Namen haben",
    "input-image-alt": "Bild-Schaltflächen müssen einen Alternativtext haben",
    "svg-img-alt": "SVG-Bilder mit role=img brauchen einen Alternativtext",
}
for _rule, _help in _AXE.items():
    FINDINGS[f"accessibility.axe.{_rule}"] = {"title": _help}
    FINDINGS[f"accessibility.axe.{_rule}.many"] = {"title": _help + " ({count} Elemente)"}
for _kind, _what in _TOLERANCE.items():
    FINDINGS[f"search.tolerance.{_kind}"] = {
        "title": f"Die Suche scheitert an {_what}",
        "recommendation": "Machen Sie die Suche fehlertolerant: Tippfehlertoleranz, "
        "Grundformen für Plurale, Groß-/Kleinschreibung und Umlaute angleichen, "
        "Artikelnummern und eine Synonymliste. 18 % der Websites scheitern an einem "
        "fehlenden Buchstaben, 33 % an Modell- oder Artikelnummern (Baymard).",
    }
