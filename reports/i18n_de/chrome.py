# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the report's frame: counts, words and labels, the head and menu,
the categories, the problems list and how the score is made."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # ------------------------------------------------------------------ counts (tn, plural)
    "{n} page": "{n} Seite",
    "{n} pages": "{n} Seiten",
    "{n} finding": "{n} Befund",
    "{n} findings": "{n} Befunde",
    "{n} check": "{n} Prüfung",
    "{n} checks": "{n} Prüfungen",
    "{n} element": "{n} Element",
    "{n} elements": "{n} Elemente",
    "{n} field": "{n} Feld",
    "{n} fields": "{n} Felder",
    "{n} load": "{n} Ladevorgang",
    "{n} loads": "{n} Ladevorgänge",
    "{n} stage": "{n} Phase",
    "{n} stages": "{n} Phasen",
    "{n} suggestion": "{n} Vorschlag",
    "{n} suggestions": "{n} Vorschläge",
    "{n} more": "{n} weitere",
    "and {n} more": "und {n} weitere",
    "and {n} more in results.json": "und {n} weitere in results.json",
    "and {n} more entries in results.json": "und {n} weitere Einträge in results.json",
    "and {n} more findings": "und {n} weitere Befunde",
    "and {n} more forms in results.json": "und {n} weitere Formulare in results.json",
    "on {n} page": "auf {n} Seite",
    "on {n} pages": "auf {n} Seiten",
    "On {n} page": "Auf {n} Seite",
    "On {n} pages": "Auf {n} Seiten",
    "with {n} page": "mit {n} Seite",
    "with {n} pages": "mit {n} Seiten",
    "{n} audited": "{n} geprüft",
    "{n} new": "{n} neu",
    "{n} timed": "{n} gemessen",
    "{n} failing": "{n} fehlerhaft",
    "{n} with findings": "{n} mit Befunden",
    "{n} requests": "{n} Anfragen",
    "{n} too deep": "{n} zu tief",
    "{judged} of {rendered}": "{judged} von {rendered}",
    # ------------------------------------------------------------------ words and labels
    "yes": "ja",
    "no": "nein",
    "none": "keine",
    "or": "oder",
    " and ": " und ",
    "median": "Median",
    "other": "sonstige",
    "Unknown": "Unbekannt",
    "Untitled": "Ohne Titel",
    "Untitled finding": "Befund ohne Titel",
    "unknown shop": "unbekannter Shop",
    "critical": "kritisch",
    "serious": "schwerwiegend",
    "moderate": "mittel",
    "minor": "gering",
    "Critical": "Kritisch",
    "Serious": "Schwerwiegend",
    "Moderate": "Mittel",
    "Minor": "Gering",
    "serious or critical": "schwerwiegend oder kritisch",
    "Good": "Gut",
    "Needs improvement": "Verbesserungswürdig",
    "Poor": "Schlecht",
    "Not measured": "Nicht gemessen",
    "good": "gut",
    "needs improvement": "verbesserungswürdig",
    "poor": "schlecht",
    "not measured": "nicht gemessen",
    "Performance": "Ladezeit",
    "Navigation": "Navigation",
    "Forms": "Formulare",
    "Search": "Suche",
    "Accessibility": "Barrierefreiheit",
    "Journeys": "Kaufwege",
    "Desktop": "Desktop",
    "Mobile": "Mobil",
    "desktop": "Desktop",
    "mobile": "Mobil",
    "ran": "gelaufen",
    "disabled": "abgeschaltet",
    "error": "Fehler",
    "Ran": "Gelaufen",
    "Disabled": "Abgeschaltet",
    "Error": "Fehler",
    # page kinds and roles
    "home": "Startseite",
    "category": "Kategorie",
    "product": "Produkt",
    "search": "Suche",
    "cart": "Warenkorb",
    "checkout": "Kasse",
    "account": "Kundenkonto",
    "contact": "Kontakt",
    "imprint": "Impressum",
    "privacy": "Datenschutz",
    "shipping": "Versand",
    "returns": "Rücksendungen",
    "page": "Seite",
    "login": "Anmeldung",
    "the home page": "die Startseite",
    "a category page": "eine Kategorieseite",
    "a product page": "eine Produktseite",
    "a search results page": "eine Suchergebnisseite",
    "the cart": "der Warenkorb",
    "a checkout page": "eine Kassenseite",
    "a key page ({role})": "eine Schlüsselseite ({role})",
    "a key page": "eine Schlüsselseite",
    "home, category, product, search, cart, checkout": (
        "Startseite, Kategorie, Produkt, Suche, Warenkorb, Kasse"
    ),
    # ------------------------------------------------------------------ head and menu
    "Usability report": "Usability-Bericht",
    "Skip to the top problems": "Zu den wichtigsten Problemen springen",
    "Shop usability audit": "Usability-Prüfung des Shops",
    "Usability report for": "Usability-Bericht für",
    "Shop": "Shop",
    "Audited": "Geprüft",
    "Profile": "Profil",
    "Pages": "Seiten",
    "Duration": "Dauer",
    "Tool": "Werkzeug",
    "Overall score: {score} out of 100, {band}": "Gesamtwert: {score} von 100, {band}",
    "Overall score: not measured": "Gesamtwert: nicht gemessen",
    "Overall score": "Gesamtwert",
    "The audit was cut short.": "Die Prüfung wurde vorzeitig beendet.",
    "The audit was interrupted.": "Die Prüfung wurde unterbrochen.",
    "These results are partial: pages and checks after the interruption are missing.": (
        "Die Ergebnisse sind unvollständig: Seiten und Prüfungen nach der Unterbrechung fehlen."
    ),
    "Report sections": "Abschnitte des Berichts",
    "Generated by {tool} from results.json": "Erstellt von {tool} aus results.json",
    "schema {version}": "Schema {version}",
    "This file is self-contained: it loads nothing from the network and runs no scripts. "
    "Long texts from the shop are shortened; the full data is in results.json.": (
        "Diese Datei ist in sich geschlossen: Sie lädt nichts aus dem Netz und führt keine "
        "Skripte aus. Lange Texte aus dem Shop sind gekürzt; alle Daten stehen in results.json."
    ),
    "The shop is in good shape": "Der Shop ist in gutem Zustand",
    "The shop works, but customers meet avoidable friction": (
        "Der Shop funktioniert, aber Kundinnen und Kunden stoßen auf vermeidbare Hürden"
    ),
    "Customers are likely to struggle on this shop": (
        "Kundinnen und Kunden haben es in diesem Shop voraussichtlich schwer"
    ),
    "The overall score could not be measured": "Der Gesamtwert konnte nicht gemessen werden",
    "{parts} problem needs fixing first": "zuerst zu beheben: {parts}",
    "{parts} problems need fixing first": "zuerst zu beheben: {parts}",
    "{n} critical": "{n} × kritisch",
    "{n} serious": "{n} × schwerwiegend",
    "only {n} moderate or minor problem remains": (
        "es bleibt nur {n} mittleres oder geringes Problem"
    ),
    "only {n} moderate or minor problems remain": (
        "es bleiben nur {n} mittlere oder geringe Probleme"
    ),
    "no problems were found": "es wurden keine Probleme gefunden",
    "It reached its time limit{after}": "Sie hat ihr Zeitlimit erreicht{after}",
    "It was stopped{after}, before it had finished": "Sie wurde{after} angehalten, bevor sie fertig war",
    "It stopped{after} because of an internal error": (
        "Sie brach{after} wegen eines internen Fehlers ab"
    ),
    "It stopped early{after}": "Sie endete vorzeitig{after}",
    "after {duration}": "nach {duration}",
    "It audited {pages}; {n} more address it had found was left unvisited.": (
        "Sie hat {pages} geprüft; {n} weitere gefundene Adresse blieb unbesucht."
    ),
    "It audited {pages}; {n} more addresses it had found were left unvisited.": (
        "Sie hat {pages} geprüft; {n} weitere gefundene Adressen blieben unbesucht."
    ),
    "It audited {pages}.": "Sie hat {pages} geprüft.",
    "These results are partial.": "Die Ergebnisse sind unvollständig.",
    "Pages it did not visit are not judged in this report.": (
        "Seiten, die sie nicht besucht hat, werden in diesem Bericht nicht bewertet."
    ),
    # section titles (menu)
    "Gate and baseline": "Prüfschwelle und Vergleich",
    "Scores": "Bewertungen",
    "Top problems": "Wichtigste Probleme",
    "How the score is made": "So entsteht die Bewertung",
    "Site structure": "Seitenstruktur",
    "Audit problems": "Probleme der Prüfung",
    "Crawl summary": "Zusammenfassung des Crawls",
    # ------------------------------------------------------------------ macros
    "depth {depth}": "Tiefe {depth}",
    "Same defect as": "Derselbe Mangel wie",
    "another check’s finding": "der Befund einer anderen Prüfung",
    "counted once": "einmal gezählt",
    # ------------------------------------------------------------------ categories
    "Scores by category": "Bewertung nach Bereich",
    "Each category scores 0–100: 90 and above is good, 50–89 needs improvement, below 50 "
    "is poor. Weakest first.": (
        "Jeder Bereich erhält 0–100 Punkte: ab 90 gut, 50–89 verbesserungswürdig, unter 50 "
        "schlecht. Der schwächste Bereich zuerst."
    ),
    "{score} out of 100, {band}": "{score} von 100, {band}",
    "{change} since the baseline": "{change} seit dem Vergleichslauf",
    "{n} check did not run": "{n} Prüfung lief nicht",
    "{n} checks did not run": "{n} Prüfungen liefen nicht",
    "Findings by severity": "Befunde nach Schweregrad",
    "No problems found": "Keine Probleme gefunden",
    "No findings": "Keine Befunde",
    "No categories were scored.": "Es wurde kein Bereich bewertet.",
    # ------------------------------------------------------------------ problems
    "{n} problem found, the most severe and most widespread first.": (
        "{n} Problem gefunden, die schwersten und häufigsten zuerst."
    ),
    "{n} problems found, the most severe and most widespread first.": (
        "{n} Probleme gefunden, die schwersten und häufigsten zuerst."
    ),
    "{n} more finding of other checks is the same defect as one of these: listed under it "
    "and counted once.": (
        "{n} weiterer Befund anderer Prüfungen ist derselbe Mangel wie einer dieser Befunde: "
        "darunter aufgeführt und einmal gezählt."
    ),
    "{n} more findings of other checks are the same defect as one of these: listed under it "
    "and counted once.": (
        "{n} weitere Befunde anderer Prüfungen sind derselbe Mangel wie einer dieser Befunde: "
        "darunter aufgeführt und einmal gezählt."
    ),
    "Problems by severity": "Probleme nach Schweregrad",
    "New": "Neu",
    "Site-wide": "Im ganzen Shop",
    "site-wide": "im ganzen Shop",
    "Measured": "Gemessen",
    "vs": "gegenüber",
    "{ratio} the {threshold}": "{ratio} des Werts „{threshold}“",
    "Evidence": "Belege",
    "Element": "Element",
    "Snippet": "HTML-Ausschnitt",
    "Screenshot of the page where this was found, the element outlined": (
        "Bildschirmfoto der Seite, auf der das gefunden wurde, mit markiertem Element"
    ),
    "As the auditor’s browser saw it": "So sah es der Browser der Prüfung",
    "How to fix": "So beheben Sie es",
    "The same defect, found by another check": "Derselbe Mangel, von einer anderen Prüfung gefunden",
    "The same defect, found by other checks": "Derselbe Mangel, von anderen Prüfungen gefunden",
    "Check": "Prüfung",
    "What this check says": "Was diese Prüfung sagt",
    "What it says": "Was sie sagt",
    "Fix:": "Behebung:",
    "Show the page": "Seite zeigen",
    "Show the {n} pages": "Die {n} Seiten zeigen",
    "More problems": "Weitere Probleme",
    "Severity": "Schweregrad",
    "Problem": "Problem",
    "Pages checked": "Geprüfte Seiten",
    "Axe seconds": "Sekunden für axe",
    "Seconds per page": "Sekunden je Seite",
    "Pages probed": "Erprobte Seiten",
    "Probe seconds": "Sekunden für Proben",
    "Probe errors": "Fehler der Proben",
    "Variants": "Abwandlungen",
    "Failed": "Fehlgeschlagen",
    "Recall": "Trefferquote",
    "Found": "Gefunden",
    "Rules passed": "Bestandene Regeln",
    "Rules failed": "Nicht bestandene Regeln",
    "Category": "Bereich",
    "No problems were found.": "Es wurden keine Probleme gefunden.",
    # evidence keys (humanised)
    "Value": "Wert",
    "Threshold": "Schwellenwert",
    "Limit": "Grenze",
    "Budget": "Budget",
    "Expected": "Erwartet",
    "Max allowed": "Höchstens erlaubt",
    "Query": "Suchbegriff",
    "Queries": "Suchbegriffe",
    "Fields": "Felder",
    "Field": "Feld",
    "Attempt": "Versuch",
    "Focus": "Fokus",
    "Messages": "Meldungen",
    "Missing": "Fehlt",
    "Resource": "Ressource",
    "Bytes": "Bytes",
    "Status": "Status",
    "Depth": "Tiefe",
    "Path": "Pfad",
    "Target": "Ziel",
    "Linked from": "Verlinkt von",
    "Template": "Vorlage",
    "Metric": "Messwert",
    "Kind": "Art",
    "Name": "Name",
    "Placeholder": "Platzhalter",
    "Impact": "Auswirkung",
    "Rule": "Regel",
    "Elements": "Elemente",
    "Elements total": "Elemente insgesamt",
    "Tags": "Tags",
    "Hops": "Weiterleitungen",
    "Chain": "Kette",
    "Final": "Ziel",
    "Final URL": "Endgültige URL",
    "Echoed": "Wiederholt",
    "Kept": "Beibehalten",
    "Exact": "Exakt",
    "Results": "Ergebnisse",
    "Searches": "Suchen",
    "Median ms": "Median (ms)",
    "Max ms": "Maximum (ms)",
    "Suggestions": "Vorschläge",
    "Prefix": "Anfang",
    "Long tasks": "Lange Aufgaben",
    "Longest task ms": "Längste Aufgabe (ms)",
    "Scripts": "Skripte",
    "Shifted": "Verschoben",
    "Heaviest": "Größte Dateien",
    "By type": "Nach Art",
    "Savings": "Einsparung",
    "Requests": "Anfragen",
    "Took ms": "Dauer (ms)",
    "LCP resource ms": "LCP-Ressource (ms)",
    "Loads": "Ladevorgänge",
    "Band": "Bereich",
    "Poor above": "Schlecht über",
    "Thresholds ms": "Schwellen (ms)",
    "Pages total": "Seiten insgesamt",
    "Pages without": "Seiten ohne",
    "Pages without menu": "Seiten ohne Menü",
    "Pages linking": "Verlinkende Seiten",
    "In sitemap": "In der Sitemap",
    "Referenced": "Verwiesen",
    "Parent": "Übergeordnet",
    "Parent text": "Text der übergeordneten Seite",
    "Link text": "Linktext",
    "Accessible name": "Zugänglicher Name",
    "Name source": "Herkunft des Namens",
    "Role search": "Such-Landmark",
    "Icon": "Symbol",
    "Focus stuck on": "Fokus hängt fest auf",
    "Blocks zoom by": "Verhindert Zoom durch",
    "Viewport": "Viewport",
    "Changed px": "Verschiebung (px)",
    "Distance px": "Abstand (px)",
    "Purpose": "Zweck",
    "Probe": "Probe",
    "Outcome": "Ergebnis",
    "Query pairs": "Suchpaare",
    "Queries failed": "Fehlgeschlagene Suchbegriffe",
    "Targets": "Ziele",
    "Targets total": "Ziele insgesamt",
    "Start": "Start",
    "Type": "Typ",
    "ID": "ID",
    "Place": "Platz",
    "Partial crawl": "Teilweiser Crawl",
    # ------------------------------------------------------------------ scoring
    "The overall score of {score} is the weighted mean of the category scores; a category’s "
    "score is the weighted mean of its checks’ scores.": (
        "Der Gesamtwert von {score} ist der gewichtete Mittelwert der Bereichswerte; der Wert "
        "eines Bereichs ist der gewichtete Mittelwert seiner Prüfungen."
    ),
    "The overall score is the weighted mean of the category scores; a category’s score is "
    "the weighted mean of its checks’ scores.": (
        "Der Gesamtwert ist der gewichtete Mittelwert der Bereichswerte; der Wert eines "
        "Bereichs ist der gewichtete Mittelwert seiner Prüfungen."
    ),
    "A check starts at 100 and each finding multiplies it by one minus its severity’s "
    "penalty ({penalties}), unless it measures its own score (page speed uses Lighthouse’s "
    "curves).": (
        "Eine Prüfung beginnt bei 100, und jeder Befund multipliziert den Wert mit eins minus "
        "dem Abzug seines Schweregrads ({penalties}), außer die Prüfung misst ihren Wert selbst "
        "(die Ladezeit nutzt die Kurven von Lighthouse)."
    ),
    "“Points lost” is what each part takes from the score above it: the categories with the "
    "most points to win come first.": (
        "„Verlorene Punkte“ ist, was jeder Teil vom Wert darüber abzieht: die Bereiche mit den "
        "meisten zu gewinnenden Punkten zuerst."
    ),
    "Page speed weighs templates by their role in the customer’s path (the home page and "
    "the product pages most), not by their number of pages. A defect two checks find on "
    "the same element counts once, with the more severe finding.": (
        "Die Ladezeit gewichtet Seitenvorlagen nach ihrer Rolle auf dem Weg der Kundschaft "
        "(Startseite und Produktseiten am stärksten), nicht nach ihrer Seitenzahl. Ein Mangel, "
        "den zwei Prüfungen am selben Element finden, zählt einmal, mit dem schwereren Befund."
    ),
    "While a key page ({pages}) has a serious or critical finding, its category keeps at "
    "most {limit}.": (
        "Solange eine Schlüsselseite ({pages}) einen schwerwiegenden oder kritischen Befund hat, "
        "erhält ihr Bereich höchstens {limit}."
    ),
    "a score below good": "einen Wert unter „gut“",
    "Points lost by category": "Verlorene Punkte nach Bereich",
    "Score": "Wert",
    "Weight": "Gewicht",
    "Share of overall": "Anteil am Gesamtwert",
    "Points lost overall": "Verlorene Punkte gesamt",
    "not counted": "nicht gezählt",
    "Not measured, so not counted: {names}.": "Nicht gemessen, daher nicht gezählt: {names}.",
    "Capped at {limit}": "Begrenzt auf {limit}",
    "because {where}": "weil {where}",
    "has a {severity} finding:": "einen Befund der Stufe „{severity}“ hat:",
    "Without the cap, {name} would score {score}.": "Ohne die Grenze erhielte {name} {score}.",
    "Points lost in {name}": "Verlorene Punkte in {name}",
    "Why": "Warum",
    "Points lost": "Verlorene Punkte",
    "weighs {share}": "zählt {share}",
    "{n} page found": "{n} Seite gefunden",
    "{n} pages found": "{n} Seiten gefunden",
    "Cap": "Grenze",
    "{severity} finding on {where}": "Befund der Stufe „{severity}“ auf {where}",
    "Takes {name} from {before} down to {limit}.": "Senkt {name} von {before} auf {limit}.",
    "Weight 0, shown for information and not counted:": (
        "Gewicht 0, nur zur Information gezeigt und nicht gezählt:"
    ),
    "The findings that cost most": "Die Befunde, die am meisten kosten",
    "and {n} more finding, {points} points together": (
        "und {n} weiterer Befund, zusammen {points} Punkte"
    ),
    "and {n} more findings, {points} points together": (
        "und {n} weitere Befunde, zusammen {points} Punkte"
    ),
    "A check that scores measurements ({checks}) shares the points it lost among its "
    "findings by severity; its measurements show where they were lost.": (
        "Eine Prüfung, die Messwerte bewertet ({checks}), verteilt ihre verlorenen Punkte nach "
        "Schweregrad auf ihre Befunde; ihre Messwerte zeigen, wo sie verloren gingen."
    ),
    "The measurements that cost most": "Die Messwerte, die am meisten kosten",
    "Counted once: the same defect as another check’s finding": (
        "Einmal gezählt: derselbe Mangel wie der Befund einer anderen Prüfung"
    ),
    "Counted once, with another check’s finding": (
        "Einmal gezählt, mit dem Befund einer anderen Prüfung"
    ),
    "it costs no points here.": "hier kostet er keine Punkte.",
    "What cost points": "Was Punkte kostete",
    "Not scored": "Nicht bewertet",
    "does not count.": "zählt nicht.",
    "No findings: full marks.": "Keine Befunde: volle Punktzahl.",
    "Full marks.": "Volle Punktzahl.",
    "Scored by its own measure": "Nach eigenem Maß bewertet",
    "No check of this category is recorded.": "Für diesen Bereich ist keine Prüfung verzeichnet.",
    "Weight 0: shown for information, does not count.": (
        "Gewicht 0: nur zur Information, zählt nicht."
    ),
    "{n} more finding: counted once, with another check's.": (
        "{n} weiterer Befund: einmal gezählt, mit dem einer anderen Prüfung."
    ),
    "{n} more findings: counted once, with another check's.": (
        "{n} weitere Befunde: einmal gezählt, mit denen anderer Prüfungen."
    ),
}
