"""German texts of summary.md and the CI formats, the Journeys section and the forms
cards' journey effort."""

from __future__ import annotations

TEXTS: dict[str, str] = {}

# ------------------------------------------------------------------ summary.md and CI formats
TEXTS.update(
    {
        "Usability audit: {target}": "Usability-Prüfung: {target}",
        "Interrupted:": "Unterbrochen:",
        "the audit stopped early; these results are partial.": (
            "Die Prüfung endete vorzeitig; die Ergebnisse sind unvollständig."
        ),
        "Overall score:": "Gesamtwert:",
        "Audited {when}": "Geprüft am {when}",
        "profile {profile}": "Profil {profile}",
        "duration {duration}": "Dauer {duration}",
        "Categories": "Bereiche",
        "Summary": "Zusammenfassung",
        "Capped at {limit}: a {severity} finding on {where}.": (
            "Begrenzt auf {limit}: ein Befund der Stufe „{severity}“ auf {where}."
        ),
        "Costs most": "Kostet am meisten",
        "{metric} median / worst page": "{metric} Median / schlechteste Seite",
        "…and {n} more in the HTML report.": "…und {n} weitere im HTML-Bericht.",
        "…and {n} more": "…und {n} weitere",
        "Form": "Formular",
        "no problem found": "kein Problem gefunden",
        "WCAG success criteria tested: {failed} failed, {passed} passed.": (
            "Getestete WCAG-Erfolgskriterien: {failed} nicht erfüllt, {passed} erfüllt."
        ),
        "Pages judged per check": "Bewertete Seiten je Prüfung",
        "{n} problem found ({by_severity}).": "{n} Problem gefunden ({by_severity}).",
        "{n} problems found ({by_severity}).": "{n} Probleme gefunden ({by_severity}).",
        "same defect also found by {checks}, counted once": (
            "derselbe Mangel, auch von {checks} gefunden, einmal gezählt"
        ),
        "new": "neu",
        "unknown": "unbekannt",
        "fixed": "behoben",
        "{n} more finding of other checks is the same defect as a problem listed here and "
        "counted once, with it.": (
            "{n} weiterer Befund anderer Prüfungen ist derselbe Mangel wie ein hier genanntes "
            "Problem und wird mit ihm einmal gezählt."
        ),
        "{n} more findings of other checks are the same defect as a problem listed here and "
        "counted once, with it.": (
            "{n} weitere Befunde anderer Prüfungen sind derselbe Mangel wie ein hier genanntes "
            "Problem und werden mit ihm einmal gezählt."
        ),
        "no reason given": "kein Grund angegeben",
        "{n} error during the audit:": "{n} Fehler während der Prüfung:",
        "{n} errors during the audit:": "{n} Fehler während der Prüfung:",
        "{n} page could not be audited": "{n} Seite konnte nicht geprüft werden",
        "{n} pages could not be audited": "{n} Seiten konnten nicht geprüft werden",
        "Crawl": "Crawl",
        "Figure": "Kennzahl",
        "Value": "Wert",
        "Gate": "Prüfschwelle",
        "The gate passed: the {n} rule held.": (
            "Die Prüfschwelle ist bestanden: Die {n} Regel wurde eingehalten."
        ),
        "The gate passed: all {n} rules held.": (
            "Die Prüfschwelle ist bestanden: Alle {n} Regeln wurden eingehalten."
        ),
        "The gate failed: {broken} of {n} rules broken.": (
            "Die Prüfschwelle ist nicht bestanden: {broken} von {n} Regeln verletzt."
        ),
        "Compared with the baseline": "Vergleich mit dem Vergleichslauf",
        "{fixed} fixed, {n} unchanged finding.": "{fixed} behoben, {n} unveränderter Befund.",
        "{fixed} fixed, {n} unchanged findings.": "{fixed} behoben, {n} unveränderte Befunde.",
        "{n} on pages audited in one run only: neither new nor fixed.": (
            "{n} auf Seiten, die nur in einem Lauf geprüft wurden: weder neu noch behoben."
        ),
        "Baseline: {target}, {when}. Overall score {before} → {after}": (
            "Vergleichslauf: {target}, {when}. Gesamtwert {before} → {after}"
        ),
        "on {pages}": "auf {pages}",
        "nothing found": "nichts gefunden",
        "The form says every field is required": "Das Formular sagt, dass jedes Feld Pflicht ist",
        "Optional fields are marked": "Optionale Felder sind gekennzeichnet",
        "No field is required": "Kein Feld ist Pflicht",
        "{marked} of {required} required fields marked": (
            "{marked} von {required} Pflichtfeldern gekennzeichnet"
        ),
        "{with_token} of {needing} fields have a token": (
            "{with_token} von {needing} Feldern haben eine Autocomplete-Angabe"
        ),
        "the product at place {n}": "das Produkt auf Platz {n}",
        "{n} result": "{n} Ergebnis",
        "{n} results": "{n} Ergebnisse",
        "{n} finding(s) at or above {minimum}: {title}": (
            "{n} Befund(e) der Stufe {minimum} oder schwerer: {title}"
        ),
        "No finding of this check in this audit.": "Kein Befund dieser Prüfung in diesem Lauf.",
        "{title}: a {category} check of shop auditor.": (
            "{title}: eine Prüfung des shop auditor im Bereich {category}."
        ),
    }
)

#: the Journeys section (reports/templates/sections/journeys.html.j2)
TEXTS.update(
    {
        "The customer's paths walked in a real browser: find a product, add it to the "
        "cart, reach the checkout (stopping before any personal data is sent and before "
        "any order button), and find contact, shipping and returns. Effort is the "
        "predicted time of an experienced customer (Keystroke-Level Model: a click 2.65 s, "
        "a typed field 3.45 s + 0.28 s a character, a field the browser fills one click) "
        "plus the shop's measured waits, ±21 %: a lab proxy, not a Customer Effort Score.": (
            "Die Wege der Kundschaft, in einem echten Browser gegangen: ein Produkt finden, "
            "in den Warenkorb legen, zur Kasse gehen (vor dem Senden persönlicher Daten und "
            "vor jedem Bestellknopf angehalten) sowie Kontakt, Versandkosten und Rückgabe "
            "finden. Der Aufwand ist die vorhergesagte Zeit einer geübten Kundin "
            "(Keystroke-Level Model: ein Klick 2,65 s, ein getipptes Feld 3,45 s + 0,28 s je "
            "Zeichen, ein vom Browser ausgefülltes Feld ein Klick) plus die gemessenen "
            "Wartezeiten des Shops, ±21 %: ein Laborwert, kein Customer Effort Score."
        ),
        "Completed, effort and steps per persona": "Geschafft, Aufwand und Schritte je Persona",
        "Journey": "Kaufweg",
        "desktop": "Desktop",
        "mobile": "Smartphone",
        "keyboard": "Tastatur",
        "zoom": "Zoom",
        "zoom-text": "Text 200 %",
        "1 Find the product through the menu": "1 Das Produkt über das Menü finden",
        "2 Find it through the search": "2 Es über die Suche finden",
        "3 Choose, add to the cart, open the cart": (
            "3 Auswählen, in den Warenkorb legen, Warenkorb öffnen"
        ),
        "4 Into the checkout (no personal data sent)": (
            "4 In die Kasse (ohne persönliche Daten zu senden)"
        ),
        "4 Into the checkout (with the configured test data)": (
            "4 In die Kasse (mit den eingestellten Testdaten)"
        ),
        "5 Contact, shipping and returns from the product": (
            "5 Kontakt, Versand und Rückgabe vom Produkt aus"
        ),
        "not walked": "nicht gegangen",
        "done": "geschafft",
        "{n} step": "{n} Schritt",
        "{n} steps": "{n} Schritte",
        "{n} click": "{n} Klick",
        "{n} clicks": "{n} Klicks",
        "{n} key press": "{n} Tastendruck",
        "{n} key presses": "{n} Tastendrücke",
        "{n} field": "{n} Feld",
        "{n} fields": "{n} Felder",
        "not walked from step {step}": "ab Schritt {step} nicht gegangen",
        "blocked at step {step}": "bei Schritt {step} blockiert",
        "stuck at step {step}": "bei Schritt {step} stecken geblieben",
        "band": "Spanne",
        "waits": "Wartezeit",
        "lostness": "Verirrtheit",
        "Steps": "Schritte",
        "After step {n}": "Nach Schritt {n}",
        "predicted": "vorhergesagt",
        "wait": "Warten",
        "found by": "gefunden über",
        "Stopped at step {step}": "Angehalten bei Schritt {step}",
        "Where the journey stopped": "Wo der Kaufweg endete",
        "As {persona}": "Als {persona}",
        "the checkout shows {n} steps": "die Kasse zeigt {n} Schritte",
        "How the effort is computed": "Wie der Aufwand berechnet wird",
        "The checkout shows {n} steps": "Die Kasse zeigt {n} Schritte",
        "read from: {source}": "gelesen aus: {source}",
        "The checkout shows no step indicator.": "Die Kasse zeigt keine Schrittanzeige.",
        "The walk saw {n} of its pages": "Der Weg sah {n} ihrer Seiten",
        "with the configured test data on {host}": "mit den eingestellten Testdaten auf {host}",
        "and stopped before {what}": "und hielt vor {what} an",
        # checks/journeys/effort.py FORMULA and label, as results.json carries them
        "KLM: click = M+P+B (2.65 s); text field of n characters = M+P+B+2H+nK (3.45 + 0.28 n s); "
        "autofillable field = one click; choice = M+P+B+P+B (3.95 s); key press (keyboard "
        "persona) = K, with M per target; plus the measured waits; +-21 %": (
            "KLM: Klick = M+P+B (2,65 s); Textfeld mit n Zeichen = M+P+B+2H+nK (3,45 + 0,28 n s); "
            "vom Browser ausfüllbares Feld = ein Klick; Auswahl = M+P+B+P+B (3,95 s); "
            "Tastendruck (Tastatur-Persona) = K, mit M je Ziel; plus die gemessenen "
            "Wartezeiten; ±21 %"
        ),
        "lab proxy (Keystroke-Level Model), not a Customer Effort Score": (
            "Laborwert (Keystroke-Level Model), kein Customer Effort Score"
        ),
    }
)

#: the forms cards' journey effort (reports/templates/sections/forms.html.j2)
TEXTS.update(
    {
        "Effort in the journey": "Aufwand im Kaufweg",
        "{seconds} for {n} fields (predicted, desktop): {journey}": (
            "{seconds} für {n} Felder (vorhergesagt, Desktop): {journey}"
        ),
    }
)

#: the sentences the engine adds to a merged finding's message (auditor.model)
TEXTS.update(
    {
        "and": "und",
        # summary.md's journeys table
        "Journeys (effort, s)": "Kaufwege (Aufwand, s)",
        "Keystroke-Level Model seconds plus measured waits, the ±21 % band in brackets: "
        "a lab proxy, not a Customer Effort Score.": (
            "Sekunden nach dem Keystroke-Level Model plus gemessene Wartezeiten, in Klammern "
            "die Spanne von ±21 %: ein Laborwert, kein Customer Effort Score."
        ),
        "Formula": "Formel",
        "Checkout steps shown by the shop: {n} ({source}).": (
            "Schritte der Kasse laut Shop: {n} ({source})."
        ),
        "Where each got stuck": "Wo es hängen blieb",
        "step {step}": "Schritt {step}",
        "not walked from step {step}": "ab Schritt {step} nicht gegangen",
        "Journey": "Kaufweg",
        "stuck at step {step}": "bei Schritt {step} stecken geblieben",
        " Elements: {shown}.": " Elemente: {shown}.",
        " Elements: {shown} and {more} more.": " Elemente: {shown} und {more} weitere.",
        " The same cause shows on {n} pages in all.": (
            " Dieselbe Ursache zeigt sich auf insgesamt {n} Seiten."
        ),
    }
)
