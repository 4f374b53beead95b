# ruff: noqa: E501  (a translation table: one text per line reads best)
"""The German texts of the reports: English source string → German.

Written for a German shop owner: Sie-form, the usual UX and WCAG terms (Barrierefreiheit,
Pflichtfeld, Warenkorb; the WCAG success criteria by their official German names).
``TEXTS`` holds everything the reports write themselves; ``CHECKS``, ``TERMS`` and
``FINDINGS`` (what the checks say) live in reports/i18n_de_findings.py and are
re-exported here. tests/reports/test_german.py keeps the table complete for the templates.
"""

from __future__ import annotations

from .i18n_de_findings import CHECKS, FINDINGS, TERM_PARAMS, TERMS

__all__ = ["CHECKS", "FINDINGS", "TERMS", "TERM_PARAMS", "TEXTS"]

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
    # ------------------------------------------------------------------ performance
    "{pages} of {total} pages timed with the {profile} profile": (
        "{pages} von {total} Seiten mit dem Profil „{profile}“ gemessen"
    ),
    "{loads} timed loads on {pages} pages, each alone with a cold cache; a page’s figures "
    "are the median of its loads ({per_page} per page)": (
        "{loads} gemessene Ladevorgänge auf {pages} Seiten, jeder für sich mit leerem Cache; "
        "die Werte einer Seite sind der Median ihrer Ladevorgänge ({per_page} je Seite)"
    ),
    "from the crawl’s own visit": "aus dem Besuch beim Crawlen",
    "Bands as web.dev rates them: good, needs improvement, poor (TBT: Lighthouse’s curve, "
    "as the lab stand-in for INP).": (
        "Bewertet wie bei web.dev: gut, verbesserungswürdig, schlecht (TBT: die Kurve von "
        "Lighthouse, als Laborersatz für INP)."
    ),
    "Medians over all timed pages": "Mediane über alle gemessenen Seiten",
    "By template": "Nach Seitenvorlage",
    "Each strip runs from 0 (left) through the good (green), needs-improvement (orange) and "
    "poor (red) zones, with the thresholds written below. A dot is one page; the black bar "
    "and the number above it are the template’s median. A dot at the right end with an "
    "arrow lies beyond the strip.": (
        "Jeder Streifen reicht von 0 (links) über die Zonen gut (grün), verbesserungswürdig "
        "(orange) und schlecht (rot); die Schwellen stehen darunter. Ein Punkt ist eine Seite; "
        "der schwarze Strich und die Zahl darüber sind der Median der Vorlage. Ein Punkt am "
        "rechten Ende mit Pfeil liegt jenseits des Streifens."
    ),
    "{n} page timed": "{n} Seite gemessen",
    "{n} pages timed": "{n} Seiten gemessen",
    "of {n} found": "von {n} gefundenen",
    "{metric}, template {template}": "{metric}, Vorlage {template}",
    "Slowest pages first": "Die langsamsten Seiten zuerst",
    "The pages with the lowest speed score, with every timing and, where the audit recorded "
    "it, what made them slow: the largest element and the file behind it, the scripts behind "
    "long tasks, the elements that moved, the heaviest files.": (
        "Die Seiten mit dem niedrigsten Ladezeit-Wert, mit allen Messwerten und, wo die Prüfung "
        "es festgehalten hat, der Ursache: das größte Element und die Datei dahinter, die "
        "Skripte hinter langen Aufgaben, die verschobenen Elemente, die größten Dateien."
    ),
    "median of {n} load": "Median aus {n} Ladevorgang",
    "median of {n} loads": "Median aus {n} Ladevorgängen",
    "Findings about this page’s speed": "Befunde zur Ladezeit dieser Seite",
    "No cause recorded: the audit explains the slowest page of each template and metric "
    "that is not good.": (
        "Keine Ursache festgehalten: Die Prüfung erklärt die langsamste Seite jeder Vorlage "
        "und jedes Messwerts, der nicht gut ist."
    ),
    "Resources that slow pages down": "Ressourcen, die Seiten bremsen",
    "Figures": "Zahlen",
    "Page size": "Seitengröße",
    "worst {value}": "schlechtester {value}",
    "{name} of {n} page: median {median} ({verdict}), worst {worst}; good up to {good}, "
    "poor above {poor}; {counted}.": (
        "{name} von {n} Seite: Median {median} ({verdict}), schlechtester Wert {worst}; gut bis "
        "{good}, schlecht über {poor}; {counted}."
    ),
    "{name} of {n} pages: median {median} ({verdict}), worst {worst}; good up to {good}, "
    "poor above {poor}; {counted}.": (
        "{name} von {n} Seiten: Median {median} ({verdict}), schlechtester Wert {worst}; gut "
        "bis {good}, schlecht über {poor}; {counted}."
    ),
    "(no template)": "(keine Vorlage)",
    "(requested at {start}, arrived after {took})": "(angefragt bei {start}, nach {took} da)",
    "the longest {value}": "die längste {value}",
    "from the first paint at {start} to interactive at {end}": (
        "vom ersten Zeichnen bei {start} bis zur Bedienbarkeit bei {end}"
    ),
    "at {start} for {took}": "bei {start} für {took}",
    "{value} blocking": "{value} blockierend",
    "CPU slowed {n}×": "CPU {n}× verlangsamt",
    "{value} round trip": "{value} Umlaufzeit",
    "{n} Mbit/s down": "{n} Mbit/s Download",
    "Largest Contentful Paint": "Largest Contentful Paint",
    "Cumulative Layout Shift": "Cumulative Layout Shift",
    "Total Blocking Time": "Total Blocking Time",
    "Interaction to Next Paint (one click)": "Interaction to Next Paint (ein Klick)",
    "First Contentful Paint": "First Contentful Paint",
    "Time to First Byte": "Time to First Byte",
    "LCP element": "LCP-Element",
    "LCP resource": "LCP-Ressource",
    "Scripts behind them": "Skripte dahinter",
    "Blocking tasks": "Blockierende Aufgaben",
    "Counted": "Gezählt",
    "Elements that moved": "Verschobene Elemente",
    "Render-blocking": "Renderblockierend",
    "Clicked": "Geklickt",
    "Heaviest resources": "Größte Ressourcen",
    "size": "Größe",
    "wasted": "verschwendet",
    "took": "Dauer",
    # ------------------------------------------------------------------ forms
    "{n} form found": "{n} Formular gefunden",
    "{n} forms found": "{n} Formulare gefunden",
    "{n} of them sent empty and with a malformed email address to see what the customer is "
    "told. Nothing reached the shop: the audit’s browser blocked every request the forms "
    "tried to send": (
        "{n} davon leer und mit fehlerhafter E-Mail-Adresse abgeschickt, um zu sehen, was die "
        "Kundschaft erfährt. Nichts erreichte den Shop: Der Browser der Prüfung hat jede "
        "Anfrage der Formulare blockiert"
    ),
    "A form": "Ein Formular",
    "not recorded": "nicht erfasst",
    "Required marks": "Pflichtfeld-Kennzeichnung",
    "Autocomplete": "Automatisches Ausfüllen",
    "Sent empty": "Leer abgeschickt",
    "Not probed": "Nicht erprobt",
    "Focus after it": "Fokus danach",
    "Malformed email": "Fehlerhafte E-Mail-Adresse",
    "No email field": "Kein E-Mail-Feld",
    "Needs a person’s review:": "Muss von einem Menschen geprüft werden:",
    "Findings about this form": "Befunde zu diesem Formular",
    "No problem found with this form.": "Bei diesem Formular wurde kein Problem gefunden.",
    "The forms checks ran but found no form to judge.": (
        "Die Formularprüfungen liefen, fanden aber kein Formular zum Bewerten."
    ),
    "Findings about forms not tied to one form": "Befunde zu Formularen, die kein einzelnes betreffen",
    "Findings about forms": "Befunde zu Formularen",
    "Sign-in": "Anmeldung",
    "Registration": "Registrierung",
    "Checkout": "Kasse",
    "Payment": "Zahlung",
    "Contact": "Kontakt",
    "Newsletter": "Newsletter",
    "Other": "Sonstiges",
    "The page showed error messages": "Die Seite zeigte Fehlermeldungen",
    "Only an alert box complained": "Nur ein Hinweisfenster meldete sich",
    "Only the browser's own bubble complained": "Nur die Sprechblase des Browsers meldete sich",
    "Sent unchecked (the audit blocked the request)": (
        "Ungeprüft abgeschickt (die Prüfung hat die Anfrage blockiert)"
    ),
    "Nothing happened: no message at all": "Nichts geschah: gar keine Meldung",
    "The submit button could not be pressed": "Die Absenden-Schaltfläche ließ sich nicht drücken",
    "On the first wrong field": "Auf dem ersten falschen Feld",
    "On the error summary": "Auf der Fehlerübersicht",
    "On an error message": "Auf einer Fehlermeldung",
    "Stayed on the submit button": "Blieb auf der Absenden-Schaltfläche",
    "Somewhere else on the page": "Irgendwo sonst auf der Seite",
    "Lost: on no element": "Verloren: auf keinem Element",
    "Not tried:": "Nicht versucht:",
    "Required fields are not marked": "Pflichtfelder sind nicht gekennzeichnet",
    "No problem found": "Kein Problem gefunden",
    "Not checked": "Nicht geprüft",
    "{n} field without a token": "{n} Feld ohne Autocomplete-Angabe",
    "{n} fields without a token": "{n} Felder ohne Autocomplete-Angabe",
    "Every field that needs one has a token": "Jedes Feld, das eine braucht, hat eine Autocomplete-Angabe",
    "The form after the {attempt} submit": "Das Formular nach dem Absenden ({attempt})",
    "The form as the probe saw it": "Das Formular, wie die Probe es sah",
    "empty": "leer",
    "malformed email": "fehlerhafte E-Mail-Adresse",
    "the sign-in form": "das Anmeldeformular",
    "the registration form": "das Registrierungsformular",
    "the checkout form": "das Kassenformular",
    "the payment form": "das Zahlungsformular",
    "the contact form": "das Kontaktformular",
    "the newsletter form": "das Newsletter-Formular",
    "the search form": "das Suchformular",
    "the form": "das Formular",
    "sign-in errors come from the server; not observed": (
        "Anmeldefehler meldet der Server; nicht beobachtet"
    ),
    # ------------------------------------------------------------------ search
    "The audit searched for {n} product by name and found {found} among the first results "
    "({recall}).": (
        "Die Prüfung hat nach {n} Produkt mit Namen gesucht und {found} unter den ersten "
        "Ergebnissen gefunden ({recall})."
    ),
    "The audit searched for {n} products by name and found {found} among the first results "
    "({recall}).": (
        "Die Prüfung hat nach {n} Produkten mit Namen gesucht und {found} unter den ersten "
        "Ergebnissen gefunden ({recall})."
    ),
    "It tried {n} variant of the queries that found something (misspelt, plural, other "
    "case, umlauts written out); {failed} found nothing.": (
        "Sie hat {n} Abwandlung der erfolgreichen Suchbegriffe versucht (Tippfehler, Plural, "
        "andere Schreibung, ausgeschriebene Umlaute); {failed} fanden nichts."
    ),
    "It tried {n} variants of the queries that found something (misspelt, plural, other "
    "case, umlauts written out); {failed} found nothing.": (
        "Sie hat {n} Abwandlungen der erfolgreichen Suchbegriffe versucht (Tippfehler, Plural, "
        "andere Schreibung, ausgeschriebene Umlaute); {failed} fanden nichts."
    ),
    "The search field sits in the {where}": "Das Suchfeld sitzt im Bereich „{where}“",
    "header": "Kopfzeile",
    "nav": "Navigation",
    "main": "Hauptinhalt",
    "aside": "Seitenleiste",
    "footer": "Fußzeile",
    "{n} characters wide": "{n} Zeichen breit",
    "named “{name}” by its {source}": "benannt „{name}“ durch {source}",
    "label": "seine Beschriftung",
    "placeholder": "seinen Platzhaltertext",
    "aria-label": "sein aria-label",
    "title": "sein title-Attribut",
    "not marked as a search landmark": "nicht als Such-Landmark ausgezeichnet",
    "Queries and what came back": "Suchbegriffe und was zurückkam",
    "The queries the audit recorded and those the findings name. A variant column names the variants that found nothing "
    "(✗) while the exact query found results; “–” means no failure was recorded: the "
    "variant found results, or was not tried for this query.": (
        "Die Suchbegriffe, die die Prüfung festgehalten hat, und die, die die Befunde nennen. Eine Spalte für Abwandlungen nennt die "
        "Abwandlungen, die nichts fanden (✗), während der genaue Begriff Ergebnisse fand; „–“ "
        "heißt, es wurde kein Fehlschlag festgehalten: Die Abwandlung fand Ergebnisse oder "
        "wurde für diesen Begriff nicht versucht."
    ),
    "Queries and tolerance": "Suchbegriffe und Fehlertoleranz",
    "Query (exact)": "Suchbegriff (genau)",
    "Count stated": "Anzahl genannt",
    "Query repeated": "Begriff wiederholt",
    "Query kept": "Begriff behalten",
    "nothing for": "nichts für",
    "Misspelt": "Tippfehler",
    "Plural / singular": "Plural / Singular",
    "Case": "Groß-/Kleinschreibung",
    "Umlaut": "Umlaut",
    "Synonym": "Synonym",
    "Product number": "Artikelnummer",
    "not among the first results": "nicht unter den ersten Ergebnissen",
    "at place {n}": "auf Platz {n}",
    "found results": "Ergebnisse gefunden",
    "How fast the results come": "Wie schnell die Ergebnisse kommen",
    "{n} searches:": "{n} Suchen:",
    "slowest {value}": "langsamste {value}",
    "Good up to {good}, poor above {poor}.": "Gut bis {good}, schlecht über {poor}.",
    "good up to {good}, poor above {poor}.": "gut bis {good}, schlecht über {poor}.",
    "The audit records the median and the slowest answer, not each one.": (
        "Die Prüfung hält den Median und die langsamste Antwort fest, nicht jede einzelne."
    ),
    "Search answer time": "Antwortzeit der Suche",
    "Search answer time over {n} searches: median {median}": (
        "Antwortzeit der Suche über {n} Suchen: Median {median}"
    ),
    "Search answer time: median {median}": "Antwortzeit der Suche: Median {median}",
    "Suggestions while typing": "Vorschläge beim Tippen",
    "after typing “{prefix}”": "nach der Eingabe von „{prefix}“",
    "after {value}": "nach {value}",
    "The search field with the suggestions it showed": "Das Suchfeld mit den gezeigten Vorschlägen",
    "Suggestions appeared while typing, as expected.": (
        "Beim Tippen erschienen wie erwartet Vorschläge."
    ),
    "When nothing is found": "Wenn nichts gefunden wird",
    "A search for “{query}”, which matches nothing, leads to a page that:": (
        "Eine Suche nach „{query}“, die nichts trifft, führt zu einer Seite, die:"
    ),
    "The zero-results page as the audit saw it": "Die Seite ohne Treffer, wie die Prüfung sie sah",
    "The zero-results page": "Die Seite ohne Treffer",
    "The zero-results page says so, keeps the query and offers a way on.": (
        "Die Seite ohne Treffer sagt das, behält den Suchbegriff und bietet einen Weg weiter."
    ),
    "does not repeat the query": "den Suchbegriff nicht wiederholt",
    "shows no search box with the query": "kein Suchfeld mit dem Suchbegriff zeigt",
    "offers no suggestions, categories or popular products": (
        "keine Vorschläge, Kategorien oder beliebten Produkte anbietet"
    ),
    "drops the shop's header and menu": "Kopfzeile und Menü des Shops weglässt",
    # ------------------------------------------------------------------ accessibility
    "WCAG success criteria the audit could test": (
        "WCAG-Erfolgskriterien, die die Prüfung testen konnte"
    ),
    "axe-core on {n} pages": "axe-core auf {n} Seiten",
    "and the keyboard, zoom, reflow, text and link probes": (
        "dazu die Proben für Tastatur, Zoom, Umbruch, Textgröße und Links"
    ),
    "failed": "nicht erfüllt",
    "passed": "erfüllt",
    "Automated tests find only part of the barriers; a passed criterion means no failure was "
    "found, not that a person checked it.": (
        "Automatische Tests finden nur einen Teil der Barrieren; ein erfülltes Kriterium "
        "heißt, dass kein Fehler gefunden wurde, nicht, dass ein Mensch es geprüft hat."
    ),
    "WCAG success criteria": "WCAG-Erfolgskriterien",
    "Criterion": "Kriterium",
    "Level": "Stufe",
    "Result": "Ergebnis",
    "Tests passed": "Tests bestanden",
    "Tests failed": "Tests nicht bestanden",
    "Pages failing": "Betroffene Seiten",
    "Fail": "Nicht erfüllt",
    "Pass": "Erfüllt",
    "What to fix, grouped by element": "Was zu beheben ist, nach Element gruppiert",
    "One entry per barrier: the same element on many pages is one thing to fix.": (
        "Ein Eintrag je Barriere: Dasselbe Element auf vielen Seiten ist eine Korrektur."
    ),
    "Screenshot: the element outlined on the page": (
        "Bildschirmfoto: das Element auf der Seite markiert"
    ),
    "No accessibility barrier was found.": "Es wurde keine Barriere gefunden.",
    "Needs a person’s review": "Muss von einem Menschen geprüft werden",
    "{n} rule axe could not decide": "{n} Regel, die axe nicht entscheiden konnte",
    "{n} rules axe could not decide": "{n} Regeln, die axe nicht entscheiden konnte",
    # ------------------------------------------------------------------ audit and crawl
    "Problems the audit met": "Probleme der Prüfung",
    "The audit ran cleanly: every page loaded and every check ran.": (
        "Die Prüfung lief sauber: Jede Seite wurde geladen, jede Prüfung lief."
    ),
    "These are problems with the audit itself, not necessarily with the shop; they mean "
    "parts of the shop were not measured.": (
        "Das sind Probleme der Prüfung selbst, nicht unbedingt des Shops; sie bedeuten, dass "
        "Teile des Shops nicht gemessen wurden."
    ),
    "Checks that did not run": "Prüfungen, die nicht liefen",
    "Reason": "Grund",
    "No reason given.": "Kein Grund angegeben.",
    "Errors during the audit": "Fehler während der Prüfung",
    "Page": "Seite",
    "Message": "Meldung",
    "Pages that could not be audited": "Seiten, die nicht geprüft werden konnten",
    "Where the time went": "Wofür die Zeit verwendet wurde",
    "Seconds per stage of the audit": "Sekunden je Phase der Prüfung",
    "What each check cost (seconds that overlap: gatherers summed over tabs, site steps "
    "side by side)": (
        "Was jede Prüfung kostete (Sekunden überlappen sich: Sammler über Tabs summiert, "
        "Website-Schritte parallel)"
    ),
    "All checks": "Alle Prüfungen",
    "Findings": "Befunde",
    "Pages each check judged": "Von jeder Prüfung bewertete Seiten",
    "The browser rendered a sample of each URL template; each check judged the pages below": (
        "Der Browser hat eine Stichprobe jeder URL-Vorlage dargestellt; jede Prüfung hat die "
        "folgenden Seiten bewertet"
    ),
    "lowered by a check’s own": "gesenkt durch das eigene",
    "for every page": "für jede Seite",
    "Pages judged": "Bewertete Seiten",
    "Sample": "Stichprobe",
    "Where pages were left out": "Wo Seiten ausgelassen wurden",
    "Settings used": "Verwendete Einstellungen",
    "Pages crawled": "Gecrawlte Seiten",
    "Pages failed": "Fehlgeschlagene Seiten",
    "URLs discovered": "Gefundene URLs",
    "Skipped by robots.txt": "Wegen robots.txt übersprungen",
    "Skipped by sampling": "Wegen Stichprobe übersprungen",
    "Read over HTTP (link map)": "Über HTTP gelesen (Linkkarte)",
    "Pages in the link graph": "Seiten im Linkgraphen",
    "Outside the scope": "Außerhalb des Umfangs",
    "Pages per minute": "Seiten pro Minute",
    "Click depth, orphans, late listing pages and broken links are judged on the whole link "
    "graph: {graph} addresses reached by links ({rendered} pages rendered in the browser, "
    "{mapped} more read over HTTP, the rest files or addresses the audit may not load). "
    "Every other figure (speed, forms, search, accessibility) covers the {rendered} rendered "
    "pages, a sample of each kind of page.": (
        "Klicktiefe, verwaiste Seiten, späte Listenseiten und defekte Links werden am ganzen "
        "Linkgraphen bewertet: {graph} über Links erreichte Adressen ({rendered} im Browser "
        "dargestellte Seiten, {mapped} weitere über HTTP gelesen, der Rest Dateien oder "
        "Adressen, die die Prüfung nicht laden darf). Alle anderen Zahlen (Ladezeit, "
        "Formulare, Suche, Barrierefreiheit) beziehen sich auf die {rendered} dargestellten "
        "Seiten, eine Stichprobe jeder Seitenart."
    ),
    "{judged} of {rendered} pages of {template}": "{judged} von {rendered} Seiten von {template}",
    "every page": "jede Seite",
    "{n} per template": "{n} je Vorlage",
    "as gathered": "wie gesammelt",
    "{check} judged {judged} of {rendered} rendered pages": (
        "{check} hat {judged} von {rendered} dargestellten Seiten bewertet"
    ),
    ", all of them": ", alle",
    # ------------------------------------------------------------------ gate
    "The gate passed.": "Die Prüfschwelle ist bestanden.",
    "The {n} rule held.": "Die {n} Regel wurde eingehalten.",
    "All {n} rules held.": "Alle {n} Regeln wurden eingehalten.",
    "The gate failed:": "Die Prüfschwelle ist nicht bestanden:",
    "{broken} of {n} rule broken.": "{broken} von {n} Regel verletzt.",
    "{broken} of {n} rules broken.": "{broken} von {n} Regeln verletzt.",
    "limit {limit}, measured {measured}": "Grenze {limit}, gemessen {measured}",
    "Compared with the baseline audit of {target}": "Verglichen mit der Vergleichsprüfung von {target}",
    "{fixed} fixed and {n} unchanged finding.": "{fixed} behoben und {n} unveränderter Befund.",
    "{fixed} fixed and {n} unchanged findings.": "{fixed} behoben und {n} unveränderte Befunde.",
    "{n} finding on pages audited in only one of the two runs is neither new nor fixed.": (
        "{n} Befund auf Seiten, die nur in einem der beiden Läufe geprüft wurden, gilt weder "
        "als neu noch als behoben."
    ),
    "{n} findings on pages audited in only one of the two runs are neither new nor fixed.": (
        "{n} Befunde auf Seiten, die nur in einem der beiden Läufe geprüft wurden, gelten "
        "weder als neu noch als behoben."
    ),
    "Scores compared with the baseline": "Bewertungen im Vergleich zum Vergleichslauf",
    "Scores: baseline, now and the change": "Bewertungen: Vergleichslauf, jetzt und Änderung",
    "Baseline": "Vergleichslauf",
    "Now": "Jetzt",
    "Change": "Änderung",
    "Overall": "Gesamt",
    "New findings": "Neue Befunde",
    "Fixed since the baseline": "Seit dem Vergleichslauf behoben",
    # ------------------------------------------------------------------ pages
    "{n} audited page": "{n} geprüfte Seite",
    "{n} audited pages": "{n} geprüfte Seiten",
    "in {n} template": "in {n} Vorlage",
    "in {n} templates": "in {n} Vorlagen",
    "{n} failing (highlighted, listed first in their template)": (
        "{n} fehlerhaft (hervorgehoben, jeweils zuerst in ihrer Vorlage)"
    ),
    "Open a template to see its pages.": "Öffnen Sie eine Vorlage, um ihre Seiten zu sehen.",
    "LCP: largest contentful paint, CLS: layout shift, TBT: blocking time, TTFB: first byte; "
    "each rated good, needs improvement (!) or poor (!!) against web.dev’s thresholds.": (
        "LCP: größtes sichtbares Element, CLS: Layoutverschiebung, TBT: Blockierzeit, TTFB: "
        "erstes Byte; jeweils bewertet als gut, verbesserungswürdig (!) oder schlecht (!!) "
        "nach den Schwellen von web.dev."
    ),
    "Templates": "Vorlagen",
    "median LCP {value}": "Median LCP {value}",
    "Size": "Größe",
    "after {n} redirect": "nach {n} Weiterleitung",
    "after {n} redirects": "nach {n} Weiterleitungen",
    "worst: {severity}": "schwerster: {severity}",
    "and {n} more page of this template in results.json": (
        "und {n} weitere Seite dieser Vorlage in results.json"
    ),
    "and {n} more pages of this template in results.json": (
        "und {n} weitere Seiten dieser Vorlage in results.json"
    ),
    # ------------------------------------------------------------------ structure
    "How deep pages are": "Wie tief Seiten liegen",
    "Number of pages by click depth: the fewest clicks needed to reach a page from the start "
    "page.": (
        "Anzahl der Seiten nach Klicktiefe: die wenigsten Klicks, die von der Startseite zu "
        "einer Seite nötig sind."
    ),
    "Pages by click depth": "Seiten nach Klicktiefe",
    "Depth {depth}:": "Tiefe {depth}:",
    "depth {depth}:": "Tiefe {depth}:",
    "Clicks from the start page": "Klicks von der Startseite",
    "Half the pages are {n} click deep or less;": "Die Hälfte der Seiten liegt {n} Klick tief oder weniger;",
    "Half the pages are {n} clicks deep or less;": (
        "Die Hälfte der Seiten liegt {n} Klicks tief oder weniger;"
    ),
    "the deepest is {n} click away.": "die tiefste ist {n} Klick entfernt.",
    "the deepest is {n} clicks away.": "die tiefste ist {n} Klicks entfernt.",
    "{deep} of {total} pages need more than 3 clicks.": (
        "{deep} von {total} Seiten brauchen mehr als 3 Klicks."
    ),
    "Sections": "Bereiche der Website",
    "Pages grouped by the first part of their address, and by the second where pages lie "
    "below it; the top line is the whole site.": (
        "Seiten nach dem ersten Teil ihrer Adresse gruppiert, und nach dem zweiten, wo Seiten "
        "darunter liegen; die oberste Zeile ist die ganze Website."
    ),
    "Each line: pages, the range of click depths and the pages the click-depth check found "
    "too deep.": (
        "Jede Zeile: Seiten, die Spanne der Klicktiefen und die Seiten, die die "
        "Klicktiefen-Prüfung zu tief fand."
    ),
    "Each line: pages and the range of click depths.": "Jede Zeile: Seiten und die Spanne der Klicktiefen.",
    "Sections of the shop": "Bereiche des Shops",
    "and {n} more sub-section": "und {n} weiterer Unterbereich",
    "and {n} more sub-sections": "und {n} weitere Unterbereiche",
    "{n} sub-section not shown": "{n} Unterbereich nicht gezeigt",
    "{n} sub-sections not shown": "{n} Unterbereiche nicht gezeigt",
    "and {n} more section": "und {n} weiterer Bereich",
    "and {n} more sections": "und {n} weitere Bereiche",
    "Deepest pages": "Die tiefsten Seiten",
    "Pages the click-depth check found too deep, deepest first, with the shortest click path "
    "from the start page.": (
        "Seiten, die die Klicktiefen-Prüfung zu tief fand, die tiefste zuerst, mit dem "
        "kürzesten Klickpfad von der Startseite."
    ),
    "No page was found too deep; these are the pages furthest from the start page.": (
        "Keine Seite liegt zu tief; dies sind die Seiten, die am weitesten von der Startseite "
        "entfernt sind."
    ),
    "Click path": "Klickpfad",
    "No pages were audited.": "Es wurden keine Seiten geprüft.",
    "(no text)": "(kein Text)",
    # ------------------------------------------------------------------ WCAG (official German names)
    "Non-text Content": "Nicht-Text-Inhalt",
    "Audio-only and Video-only": "Reine Audio- und reine Videoinhalte",
    "Captions (Prerecorded)": "Untertitel (aufgezeichnet)",
    "Audio Description or Media Alternative": "Audiodeskription oder Medienalternative",
    "Info and Relationships": "Info und Beziehungen",
    "Meaningful Sequence": "Bedeutungstragende Reihenfolge",
    "Sensory Characteristics": "Sensorische Eigenschaften",
    "Orientation": "Ausrichtung",
    "Identify Input Purpose": "Eingabezweck bestimmen",
    "Use of Color": "Benutzung von Farbe",
    "Audio Control": "Audio-Steuerelement",
    "Contrast (Minimum)": "Kontrast (Minimum)",
    "Resize Text": "Textgröße ändern",
    "Resize text": "Textgröße ändern",
    "Images of Text": "Bilder eines Textes",
    "Reflow": "Umbruch",
    "Non-text Contrast": "Nicht-Text-Kontrast",
    "Text Spacing": "Textabstand",
    "Content on Hover or Focus": "Eingeblendete Inhalte bei Hover oder Fokus",
    "Keyboard": "Tastatur",
    "No Keyboard Trap": "Keine Tastaturfalle",
    "Character Key Shortcuts": "Tastaturkurzbefehle",
    "Timing Adjustable": "Zeitbegrenzungen anpassbar",
    "Pause, Stop, Hide": "Pausieren, beenden, ausblenden",
    "Three Flashes or Below Threshold": "Grenzwert von dreimaligem Blitzen oder weniger",
    "Bypass Blocks": "Blöcke umgehen",
    "Page Titled": "Seite mit Titel",
    "Focus Order": "Fokus-Reihenfolge",
    "Link Purpose (In Context)": "Linkzweck (im Kontext)",
    "Multiple Ways": "Verschiedene Methoden",
    "Headings and Labels": "Überschriften und Beschriftungen",
    "Focus Visible": "Fokus sichtbar",
    "Focus Not Obscured (Minimum)": "Fokus nicht verdeckt (Minimum)",
    "Pointer Gestures": "Zeigergesten",
    "Pointer Cancellation": "Zeigeraktivierung",
    "Label in Name": "Beschriftung im Namen",
    "Motion Actuation": "Auslösen durch Bewegung",
    "Dragging Movements": "Ziehbewegungen",
    "Target Size (Minimum)": "Zielgröße (Minimum)",
    "Language of Page": "Sprache der Seite",
    "Language of Parts": "Sprache von Teilen",
    "On Focus": "Bei Fokus",
    "On Input": "Bei Eingabe",
    "Consistent Navigation": "Konsistente Navigation",
    "Consistent Identification": "Konsistente Erkennung",
    "Consistent Help": "Konsistente Hilfe",
    "Error Identification": "Fehlererkennung",
    "Labels or Instructions": "Beschriftungen oder Anweisungen",
    "Error Suggestion": "Fehlerempfehlung",
    "Error Prevention (Legal, Financial, Data)": "Fehlervermeidung (rechtlich, finanziell, Daten)",
    "Redundant Entry": "Redundante Eingabe",
    "Accessible Authentication (Minimum)": "Barrierefreie Authentifizierung (Minimum)",
    "Parsing": "Syntaxanalyse",
    "Name, Role, Value": "Name, Rolle, Wert",
    "Status Messages": "Statusmeldungen",
}

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
