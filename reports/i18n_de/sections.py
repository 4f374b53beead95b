# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the report's sections: performance, forms, search, accessibility,
the audit and its crawl, the gate, the pages, the structure and the WCAG criteria by
their official German names."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
    "axe-core on {n} pages, in full on {m} (one per structural template)": (
        "axe-core auf {n} Seiten, vollständig auf {m} (eine je Seitenaufbau)"
    ),
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
