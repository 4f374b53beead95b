# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the forms checks' findings by message id; the placeholders are the
finding's ``params`` (and ``form_named``: the form's kind in German with the shop's name
of it)."""

from __future__ import annotations

_FORMS_FIX_EMPTY = (
    "Prüfen Sie Pflichtfelder im Browser vor dem Absenden (required-Attribute oder Skript) "
    "und zeigen Sie jeden Fehler direkt an seinem Feld."
)
_FOCUS_FIX = (
    "Setzen Sie den Fokus auf das erste falsche Feld (oder auf eine Fehlerübersicht, die zu "
    "den Feldern verlinkt)."
)
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
        "message": "Das {form_named}: Das E-Mail-Feld „{field}“ nahm „{value}“ (ohne @) an, "
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
        "message": "Das {form_named}: Wer das E-Mail-Feld „{field}“ mit „{value}“ verlässt, "
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
}

#: the messages (and the recommendations not given above); "{n|one|other}" picks the word
#: for a count, "[[...]]" is said only when its params have values (reports/i18n)
_MORE: dict[str, dict[str, str]] = {
    "forms.error-handling.dialog": {
        "message": "Das {form_named} beantwortete das fehlgeschlagene Absenden mit einem Dialog des Browsers („{dialog}“): Er verdeckt das Formular, nennt kein Feld an seinem Feld und ist nach dem Schließen verschwunden.",
    },
    "forms.error-handling.empty-sent": {
        "message": "Das {form_named} auf {path} wurde mit lauter leeren Feldern abgeschickt ({fields}): Der Browser schickte es ungeprüft an den Shop[[ ({request})]], und die Seite nannte kein fehlendes Feld. {note}",
    },
    "forms.error-handling.not-announced": {
        "message": "Das {form_named}, {attempt} abgeschickt, zeigte „{text}“ außerhalb jeder Live-Region und setzte den Fokus weder auf ein Feld mit verknüpftem Fehler noch auf eine Fehlerübersicht: Wer einen Screenreader nutzt, erfährt nicht, dass das Absenden gescheitert ist.",
    },
    "forms.error-handling.not-tied": {
        "message": "Das {form_named}, {attempt} abgeschickt, zeigte „{text}“, verknüpfte die Meldung aber mit keinem Feld (kein aria-describedby, aria-errormessage oder aria-invalid)[[ und zeigte sie auch nicht daneben ({far} px entfernt)]]: Die Kundschaft muss suchen, was zu korrigieren ist, und Screenreader sagen nicht, welches Feld falsch ist.",
    },
    "forms.error-handling.malformed-sent": {
        "message": "Das {form_named}: Das E-Mail-Feld „{field}“ nahm „{value}“ (ohne @) an, und das Formular wurde kommentarlos an den Shop geschickt. {note}",
    },
    "forms.error-handling.values-lost": {
        "message": "Das {form_named}: Nach dem fehlgeschlagenen Absenden {count|enthielt|enthielten} {count} {count|Feld|Felder} nicht mehr, was eingegeben war ({fields}).",
    },
    "forms.buttons.no-submit": {
        "message": "Das {form_named} hat keine sichtbare Absenden-Schaltfläche: Die Kundschaft muss erraten, dass Enter es abschickt.",
    },
    "forms.buttons.show-password": {
        "message": "Das Passwortfeld „{field}“ im {form_named} bietet keine Möglichkeit, das Passwort anzuzeigen: Passwörter, die man nicht sieht, vertippt man leicht, erst recht auf der Telefontastatur, und scheitert dann bei der Anmeldung oder setzt ein ungewolltes Passwort. NN/g und Baymard empfehlen eine Option „Passwort anzeigen“.",
    },
    "forms.buttons.button-icon-only": {
        "message": "Die Absenden-Schaltfläche im {form_named} zeigt nur ein Symbol und hat keinen zugänglichen Namen: Screenreader sagen nur „Schaltfläche“, und wer das Symbol nicht kennt, muss raten.",
    },
    "forms.buttons.button-no-text": {
        "message": "Die Absenden-Schaltfläche im {form_named} zeigt nichts und hat keinen zugänglichen Namen: Screenreader sagen nur „Schaltfläche“, und die Kundschaft muss raten.",
    },
    "forms.buttons.button-generic": {
        "message": "Die Absenden-Schaltfläche im {form_named} sagt „{button}“, nicht, was beim Drücken passiert.",
        "recommendation": "Nennen Sie das Ergebnis: „Bestellung absenden“, „Konto anlegen“, „Nachricht senden“, „Abonnieren“.",
    },
    "forms.buttons.format-hint": {
        "message": "Das Feld „{field}“ im {form_named} verlangt[[ das Muster „{pattern}“]][[ mindestens {minlength} Zeichen]], zeigt aber keinen Hinweis darauf am Feld.",
        "recommendation": "Nennen Sie die Regel neben dem Feld („Mindestens 8 Zeichen“) und verknüpfen Sie sie mit aria-describedby.",
    },
    "forms.length.too-long": {
        "message": "Das {form_named} zeigt {count} Felder, wo {budget} reichen sollten ({fields}). Baymard 2024: Der durchschnittliche Checkout hat 11,3 Formularfelder, wo 8 genügen, und 22 % der Kundschaft haben eine Bestellung wegen eines zu langen oder komplizierten Checkouts abgebrochen.",
        "recommendation": "Fragen Sie nur, was dieser Schritt braucht[[: {savings}]][[; {optional} optionale Felder streichen oder später erfragen]].",
    },
    "forms.length.confirm-email": {
        "message": "Das {form_named} fragt zweimal nach der E-Mail-Adresse („{field}“): Die Kundschaft kopiert sie und fügt sie ein, Tippfehler bleiben also, und alle tippen mehr.",
    },
    "forms.length.captcha": {
        "message": "Das {form_named} lässt die Kundschaft ein CAPTCHA lösen: zusätzliche Arbeit, gescheiterte Versuche und eine Barriere für Menschen mit Sehschwäche (WCAG 1.1.1 verlangt eine Alternative).",
        "recommendation": "Bekämpfen Sie Spam im Hintergrund (Honeypot-Feld, Ratenbegrenzung, Bewertung auf dem Server), statt die Kundschaft zu fragen.",
    },
    "forms.length.address-line2": {
        "message": "Das {form_named} zeigt „{field}“ allen; die meisten brauchen es nicht und fragen sich, was hineingehört.",
        "recommendation": "Verstecken Sie es hinter einem Link „Wohnung, Etage usw. hinzufügen“.",
    },
    "forms.length.split-name": {
        "message": "Das {form_named} fragt den Namen in zwei Feldern ab („{field}“, „{last}“): ein Feld mehr, und wessen Name nicht ins Schema Vorname/Nachname passt (mehrere Vor- oder Nachnamen, der Nachname zuerst, nur ein Name), weiß nicht, was wohin gehört. Baymard empfiehlt ein einziges Feld „Vollständiger Name“.",
        "recommendation": 'Fragen Sie mit einem Feld „Vollständiger Name“ mit autocomplete="name"; teilen Sie ihn im Hintergrund, wenn ein System die Teile braucht.',
    },
    "forms.labels.placeholder-only": {
        "message": "Das Feld „{field}“ im {form_named} hat keine Beschriftung, nur den Platzhalter „{placeholder}“, der verschwindet, sobald die Kundschaft tippt.",
    },
    "forms.labels.no-label": {
        "message": "Ein Feld vom Typ {type}[[ ({ident})]] im {form_named} hat keine verknüpfte Beschriftung (label[for], ein umschließendes label oder aria-labelledby), keinen Platzhalter und keinen zugänglichen Namen.",
        "recommendation": "Geben Sie dem Feld ein sichtbares <label for=...>.",
    },
    "forms.labels.no-visible-label": {
        "message": "Das Feld „{field}“ im {form_named} hat einen zugänglichen Namen, aber keine sichtbare Beschriftung; wer sieht, sieht höchstens einen Platzhalter.",
        "recommendation": "Zeigen Sie die Beschriftung über dem Feld, verknüpft mit <label for=...>.",
    },
    "forms.labels.label-in-name": {
        "message": "Das Feld „{field}“ im {form_named} zeigt die Beschriftung „{label}“, wird aber als „{acc_name}“ angesagt; wer per Sprachsteuerung sagt, was er sieht, erreicht es nicht (WCAG 2.5.3).",
        "recommendation": "Machen Sie die sichtbare Beschriftung zum zugänglichen Namen: Entfernen Sie das aria-label, oder lassen Sie es mit dem sichtbaren Text beginnen.",
    },
    "forms.input-types.type-email": {
        "message": 'Das Feld „{field}“ im {form_named} fragt nach einer E-Mail-Adresse, hat aber type="{type}": Telefone zeigen eine Buchstabentastatur ohne @-Taste, und der Browser kann die Adresse nicht prüfen.',
        "recommendation": 'Verwenden Sie type="email".',
    },
    "forms.input-types.type-tel": {
        "message": 'Das Feld „{field}“ im {form_named} fragt nach einer Telefonnummer, hat aber type="{type}": Telefone zeigen eine Buchstabentastatur statt des Ziffernblocks.',
        "recommendation": 'Verwenden Sie type="tel".',
    },
    "forms.input-types.number": {
        "message": 'Das Feld „{field}“ im {form_named} ({purpose}) hat type="number": Browser entfernen führende Nullen, zeigen Pfeiltasten und ändern den Wert womöglich beim Scrollen.',
        "recommendation": 'Verwenden Sie type="text" mit inputmode="numeric" (und einem pattern) – oder type="tel" für Telefonnummern.',
    },
    "forms.input-types.token-invalid": {
        "message": 'Das Feld „{field}“ im {form_named} hat autocomplete="{raw}", einen ungültigen Wert: Browser und Passwortmanager ignorieren ihn.',
        "recommendation": "Verwenden Sie einen Wert aus der Autofill-Liste der WHATWG[[ („{token}“)]].",
    },
    "forms.input-types.token-off": {
        "message": 'Das Feld „{field}“ im {form_named} ({purpose}) hat autocomplete="off": Die Kundschaft muss tippen, was der Browser schon weiß.',
        "recommendation": 'Verwenden Sie autocomplete="{token}".',
    },
    "forms.input-types.token-missing": {
        "message": "{count} {count|Feld|Felder} im {form_named} {count|fragt|fragen} nach persönlichen Daten ohne autocomplete-Angabe, das automatische Ausfüllen muss also raten: {names}.",
        "recommendation": "Ergänzen Sie die WHATWG-Werte (WCAG 1.3.5): Automatisches Ausfüllen macht Formulare etwa 30 % schneller, und ein Drittel der Gastbestellungen nutzt es.",
    },
    "forms.required-fields.unmarked": {
        "message": "Keines der {count} Felder im {form_named} sagt, ob es Pflicht oder freiwillig ist, weder sichtbar noch im Markup: Die Kundschaft merkt es erst, wenn das Absenden scheitert.",
    },
    "forms.required-fields.not-shown": {
        "message": "{count} {count|Pflichtfeld|Pflichtfelder} im {form_named} ({fields}) {count|trägt|tragen} das required-Attribut, {count|zeigt|zeigen} aber kein „*“ und kein „Pflichtfeld“, und die freiwilligen Felder sind auch nicht gekennzeichnet.",
        "recommendation": "Zeigen Sie „*“ nach der Beschriftung (und erklären Sie es), oder kennzeichnen Sie die freiwilligen Felder mit „(optional)“.",
    },
    "forms.required-fields.not-in-markup": {
        "message": "{count} {count|Feld|Felder} im {form_named} ({fields}) {count|sieht|sehen} nach Pflichtfeld aus, {count|hat|haben} aber weder required noch aria-required: Screenreader sagen es nicht an.",
        "recommendation": 'Ergänzen Sie das required-Attribut (oder aria-required="true").',
    },
    "forms.touch-targets.small-target": {
        "message": "{count} {count|Bedienelement|Bedienelemente} im {form_named} {count|ist|sind} im mobilen Profil kleiner als {least}×{least} px, z. B. {width}×{height} px[[ ({control})]].",
        "recommendation": "Machen Sie Felder und Schaltflächen auf dem Telefon mindestens {good}×{good} px groß (WCAG 2.5.8 verlangt mindestens {least}).",
    },
    "forms.touch-targets.narrow-field": {
        "message": "Das Feld „{field}“ im {form_named} zeigt etwa {chars} Zeichen; sein Inhalt braucht etwa {need}, die Kundschaft sieht also nicht alles, was sie getippt hat.",
        "recommendation": "Machen Sie es mindestens {need} Zeichen breit (width: {width}ch).",
    },
}
for _id, _texts in _MORE.items():
    FINDINGS.setdefault(_id, {}).update(_texts)
