# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German for the lines results.json carries in English and the report shows: the gate's
rules (what, limit, measured; auditor/gate.py writes them) and the words in them. A
regex with named groups → the German text; each group is said again (a category, a
severity) before it is filled in (reports/i18n ``said``)."""

from __future__ import annotations

#: whole texts: the words inside the lines
TEXTS: dict[str, str] = {
    "overall score": "Gesamtwert",
    "not measured": "nicht gemessen",
    "not walked": "nicht begangen",
    "n/a": "k. A.",
    "critical": "kritisch",
    "serious": "schwerwiegend",
    "moderate": "mittel",
    "minor": "gering",
    "performance": "Performance",
    "navigation": "Navigation",
    "forms": "Formulare",
    "search": "Suche",
    "accessibility": "Barrierefreiheit",
    "journeys": "Kaufwege",
    "desktop": "Desktop",
    "mobile": "Mobil",
    "keyboard": "Tastatur",
    "zoom": "Zoom",
    "zoom-text": "Text 200 %",
    "browse": "Stöbern",
    "cart": "Warenkorb",
    "checkout": "Kasse",
    "service": "Service",
    # the forms checks' review notes (details.needs_review[].note)
    "not probed: over max_forms": "nicht geprüft: mehr Formulare als max_forms",
    "only the browser's own validation bubble when sent empty": "beim leeren Absenden nur die Prüfblase des Browsers",
    "password field without a show-password control": "Passwortfeld ohne Schalter „Passwort anzeigen“",
    "separate first and last name fields": "getrennte Felder für Vor- und Nachname",
    "the submit button could not be pressed; not probed": "die Absenden-Schaltfläche ließ sich nicht drücken; nicht geprüft",
    # the checks' phrases in evidence (search.zero-results "missing", forms.length "savings")
    "does not say clearly that nothing was found": "sagt nicht klar, dass nichts gefunden wurde",
    "does not repeat the query": "wiederholt den Suchbegriff nicht",
    "shows no search box with the query": "zeigt kein Suchfeld mit dem Suchbegriff",
    "offers no suggestions, categories or popular products": "bietet keine Vorschläge, Kategorien oder beliebten Produkte an",
    "drops the shop's header and menu": "lässt Kopfzeile und Menü des Shops weg",
    "one name field instead of first and last name (-1)": "ein Namensfeld statt Vor- und Nachname (−1)",
    "no confirm-email field (-1)": "kein Feld zur Bestätigung der E-Mail-Adresse (−1)",
    "address line 2 behind a link (-1)": "die zweite Adresszeile hinter einem Link (−1)",
    # why a customer journey stopped (checks/journeys: walks[].stopped.reason)
    "adding to the cart is switched off (state_changes = false)": "das Hinzufügen zum Warenkorb ist abgeschaltet (state_changes = false)",
    "blocked at step 1: a bot wall or captcha": "bei Schritt 1 blockiert: eine Bot-Sperre oder ein CAPTCHA",
    "no add-to-cart button recognised on the product page": "keine Schaltfläche „In den Warenkorb“ auf der Produktseite erkannt",
    "no checkout button recognised in the cart": "keine Schaltfläche zur Kasse im Warenkorb erkannt",
    "no link to the cart recognised": "kein Link zum Warenkorb erkannt",
    "no menu entry leads to the product (not in any listing the menu opens)": "kein Menüeintrag führt zum Produkt (es steht in keiner Liste, die das Menü öffnet)",
    "no product page to start from": "keine Produktseite als Ausgangspunkt",
    "no search field found": "kein Suchfeld gefunden",
    "no variant could be chosen": "keine Variante ließ sich wählen",
    "the cart does not list the product: adding did not work": "der Warenkorb führt das Produkt nicht auf: das Hinzufügen hat nicht funktioniert",
    "the cart holds nothing to check out (journey 3 did not finish)": "der Warenkorb enthält nichts zum Bestellen (Kaufweg 3 kam nicht ans Ziel)",
    "the checkout asks for an account (sign in or register) and offers no guest checkout": "die Kasse verlangt ein Kundenkonto (Anmeldung oder Registrierung) und bietet keine Gastbestellung",
    "personal data": "persönlichen Daten",
    "payment or the order button": "der Zahlung oder dem Bestellknopf",
    "the checkout shows no step to go on with": "die Kasse zeigt keinen Schritt, mit dem es weitergeht",
    "the crawl found no product page to look for": "die Prüfung fand keine Produktseite, nach der gesucht werden konnte",
    "the crawl found no product to search for": "die Prüfung fand kein Produkt, nach dem gesucht werden konnte",
    "the keyboard cannot reach the search field": "die Tastatur erreicht das Suchfeld nicht",
    "the product is not shown in the listing the menu opened": "das Produkt steht nicht in der Liste, die das Menü geöffnet hat",
    "the product link did not open the product": "der Produktlink öffnete das Produkt nicht",
    "the result did not open the product": "das Ergebnis öffnete das Produkt nicht",
    "the results do not show the product": "die Ergebnisse zeigen das Produkt nicht",
    "the search field could not be typed into": "in das Suchfeld ließ sich nichts eingeben",
    # how a journey found what it clicked (walks[].steps[].rung)
    "landmark": "Landmark",
    "address": "Adresse",
    "search-field": "Suchfeld",
    "role-name": "Rolle und Name",
    "test-attribute": "Test-Attribut",
    "platform": "Plattform",
    "structured-data": "strukturierte Daten",
    "pattern": "Muster",
    "config": "Konfiguration",
    "form": "Formular",
    # what a journey clicks (inside the reasons above; accusative)
    "add to cart without a choice (probe)": "„In den Warenkorb“ ohne Auswahl (Test)",
    "the cart": "den Warenkorb",
    "the menu toggle": "den Menüschalter",
    "the next page of the listing": "die nächste Seite der Liste",
    "the search icon": "das Suchsymbol",
}

PATTERNS: list[tuple[str, str]] = [
    # why a customer journey stopped
    (
        r"blocked at step (?P<step>\d+): a bot wall or captcha",
        "bei Schritt {step} blockiert: eine Bot-Sperre oder ein CAPTCHA",
    ),
    (r"robots\.txt does not allow (?P<href>\S+)", "robots.txt erlaubt {href} nicht"),
    (
        r"not reachable from the product page: (?P<what>.+)",
        "von der Produktseite aus nicht erreichbar: {what}",
    ),
    (
        r"stopped before (?P<what>.+): a final order button is never pressed",
        "angehalten vor {what}: eine letzte Bestellschaltfläche wird nie gedrückt",
    ),
    (r"the keyboard cannot reach (?P<what>.+)", "die Tastatur erreicht {what} nicht"),
    (
        r"the start page (?P<url>\S+) could not be opened",
        "die Startseite {url} ließ sich nicht öffnen",
    ),
    (r"menu entry '(?P<name>.*)'", "Menüeintrag „{name}“"),
    (r"the product '(?P<name>.*)'", "Produkt „{name}“"),
    (r"the result '(?P<name>.*)'", "Ergebnis „{name}“"),
    (r"search for '(?P<name>.*)'", "Suche nach „{name}“"),
    (r"the (?P<role>\w+) link '(?P<name>.*)'", "Link „{name}“ ({role})"),
    (r"'(?P<name>.*)' \(guest checkout\)", "„{name}“ (Gastbestellung)"),
    (r"'(?P<name>.*)' \(with the test data\)", "„{name}“ (mit den Testdaten)"),
    (
        r"(?P<n>\d+) fields with the configured test data",
        "{n} Felder mit den eingestellten Testdaten",
    ),
    (
        r"the (?P<n>\d+) fields of this step \(predicted, not typed\)",
        "die {n} Felder dieses Schritts (vorhergesagt, nicht getippt)",
    ),
    (r"a variant \((?P<name>.*)\)", "eine Variante ({name})"),
    (r"'(?P<name>.*)'", "„{name}“"),
    # the gate's rules
    (r"(?P<cat>[a-z]+) score", "Wert für {cat}"),
    (r"(?P<cat>[a-z]+) score drop", "Rückgang des Werts für {cat}"),
    (r"(?P<sev>critical|serious|moderate|minor) findings", "Befunde der Schwere „{sev}“"),
    (r"new findings at or above (?P<sev>[a-z]+)", "neue Befunde ab Schwere „{sev}“"),
    (
        r"(?P<metric>\S+) of (?P<template>\S+) \(median of (?P<n>\d+) pages?\)",
        "{metric} von {template} (Median aus {n} Seite(n))",
    ),
    (
        r"(?P<metric>\S+) of (?P<template>\S+) against the baseline",
        "{metric} von {template} im Vergleich zur Baseline",
    ),
    (r"(?P<metric>\S+) of (?P<template>\S+)", "{metric} von {template}"),
    (
        r"effort of the (?P<journey>\S+) journey \((?P<persona>\S+)\)",
        "Aufwand des Kaufwegs „{journey}“ ({persona})",
    ),
    (r"stopped at step (?P<step>\S+)", "angehalten bei Schritt {step}"),
    (r"(?P<n>\d+) \((?P<names>.*) and (?P<more>\d+) more\)", "{n} ({names} und {more} weitere)"),
    (r"\+(?P<share>\d+) % \(and \+(?P<floor>[\d.]+)\)", "+{share} % (und +{floor})"),
    (r"(?P<value>[\d.]+) s", "{value} s"),
    (
        r"(?P<change>[+-]?[\d.∞]+(?: %)?) \((?P<was>[\d.]+) -> (?P<now>[\d.]+)\)",
        "{change} ({was} → {now})",
    ),
    (r"(?P<op>>=|<=) (?P<value>[\d.]+)(?P<unit> s)?", "{op} {value}{unit}"),
]
