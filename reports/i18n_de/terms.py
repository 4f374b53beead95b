"""The checks' titles by check id, and the audit's own words the checks pass as params
(a form's kind, a band, where a link sits) in German."""

from __future__ import annotations

#: Check titles by check id (results.json's ``checks[].title`` stays English).
CHECKS: dict[str, str] = {
    "accessibility.axe": "Automatische WCAG-Tests (axe-core)",
    "accessibility.choice-groups": "Gruppen von Optionsfeldern und Kontrollkästchen sind benannt",
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
    "journeys.cart": "In den Warenkorb legen",
    "journeys.checkout": "Bis zur Kasse",
    "journeys.discovery": "Ein Produkt finden (Menü und Suche)",
    "journeys.personas": "Kaufwege für jede Kundin und jeden Kunden",
    "journeys.service": "Serviceseiten unterwegs",
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
    # why a guest checkout weighs less than signing in (journeys.checkout)
    "guest-later": "sie kommt erst nach der Anmeldung auf einem späteren Schritt",
    "guest-below": "sie steht unter der Anmeldung",
    "guest-link": "sie ist nur ein Textlink neben einer Anmelde-Schaltfläche",
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
    # regions of a page ("in {regions}")
    "menu": "dem Menü",
    "main content": "dem Hauptinhalt",
    "content": "dem Inhalt",
    "sidebar": "der Seitenleiste",
    # what became of a probe's request (forms.error-handling)
    "server allowed": "Die Antwort des Shops wurde beobachtet (Prüfung durch den Server erlaubt).",
    "request blocked": (
        "Die Prüfung hat die Anfrage blockiert, beim Shop kam also nichts an; erlauben Sie "
        "server_validation für dieses Formular, um die Antwort des Shops zu sehen."
    ),
    # lengthening a form (forms.length: "{savings}")
    "split-name": "ein Namensfeld statt Vor- und Nachname (−1)",
    "confirm-email": "kein Feld zur Bestätigung der E-Mail-Adresse (−1)",
    "address-line2": "die zweite Adresszeile hinter einem Link (−1)",
    # where a zero-results page falls short (search.zero-results: "eine Seite, die {gaps}")
    "does not say clearly that nothing was found": "nicht klar sagt, dass nichts gefunden wurde",
    "does not repeat the query": "den Suchbegriff nicht wiederholt",
    "shows no search box with the query": "kein Suchfeld mit dem Suchbegriff zeigt",
    "offers no suggestions, categories or popular products": (
        "keine Vorschläge, Kategorien oder beliebten Produkte anbietet"
    ),
    "drops the shop's header and menu": "Kopfzeile und Menü des Shops weglässt",
    # where a search field stands (search.box: "in {where}"; header, nav, footer above)
    "main": "dem Hauptbereich",
    "aside": "der Seitenleiste",
    # what the cart or a product page lacks (journeys: "{missing}")
    "price": "Preis",
    "total": "Summe",
    "shipping": "Versandkosten",
    "variant": "Variante",
    "contact": "Kontakt",
    "returns": "Rückgabe",
    # journeys and personas
    "browse": "Stöbern",
    "search": "Suche",
    "cart": "Warenkorb",
    "checkout": "Kasse",
    "service": "Service",
    "keyboard": "Tastatur",
    "zoom": "Zoom",
    "zoom-text": "Text 200 %",
    # device profiles
    "desktop": "Desktop",
    "mobile": "Mobil",
    # resources (performance)
    "style": "Stylesheet",
    "the site": "gesamte Website",
    "is sent with Cache-Control: no-store": "wird mit Cache-Control: no-store gesendet",
    "has no caching header (no max-age, Expires, ETag or Last-Modified)": (
        "hat keinen Caching-Header (kein max-age, Expires, ETag oder Last-Modified)"
    ),
    # where a page's main menu moved (navigation.main-menu)
    "moved out": "an anderer Stelle (nicht in der Kopfzeile)",
    "moved in": "in der Kopfzeile, anders als sonst",
    # page kinds ("{kind}seiten", navigation.breadcrumbs)
    "product": "Produkt",
    "category": "Kategorie",
    # kinds of controls ("bei {kind}", accessibility.keyboard)
    "links": "Links",
    "buttons": "Schaltflächen",
    "select boxes": "Auswahllisten",
    "text areas": "Textbereichen",
    "disclosure toggles": "Aufklapp-Schaltern",
    "checkboxes": "Kontrollkästchen",
    "radio buttons": "Optionsfeldern",
    "fields": "Eingabefeldern",
    # what keeps a group of choices unnamed (accessibility.choice-groups)
    "a fieldset without a legend": "ein fieldset ohne legend",
    "role=group without a name": "role=group ohne Namen",
    "role=radiogroup without a name": "role=radiogroup ohne Namen",
    "no fieldset and legend, no named role=group": (
        "weder fieldset und legend noch eine benannte role=group"
    ),
}
TERM_PARAMS = frozenset(
    {
        "form",
        "attempt",
        "band",
        "place",
        "kind",
        "problem",
        "moved",
        "type",
        "scope",
        "profile",
        "note",
        "where",
        "persona",
        "journey",
    }
)
#: params whose value is a list of such words, separated by "|" ("header|footer")
TERM_LIST_PARAMS = frozenset({"regions", "savings", "gaps", "missing", "reasons"})
