# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the journeys checks' findings by message id; "{n|one|other}" picks
the word for a count, "[[...]]" is said only when its params have values (reports/i18n).
The walker's own reasons for stopping (``{reason}``, ``{why}``) are quoted as recorded."""

from __future__ import annotations

_REVIEW_FIX = 'Prüfen Sie es von Hand; nennen Sie das Bedienelement in [checks."journeys.discovery"] selectors.'
_FEEDBACK_FIX = "Bestätigen Sie sofort: Nennen Sie das hinzugefügte Produkt und die Variante, und aktualisieren Sie ein sichtbares Warenkorb-Symbol."

FINDINGS: dict[str, dict[str, str]] = {
    # journeys.discovery
    "journeys.discovery.search-only": {
        "title": "Produkt nur über die Suche auffindbar",
        "message": "Das Produkt {product} war über das Menü nicht zu finden[[ ({why})]]; nur die Suche findet es.",
        "recommendation": "Führen Sie jedes Produkt in einer Kategorie, die das Menü öffnet; wer stöbert, sieht die anderen nie.",
    },
    "journeys.discovery.unfindable": {
        "title": "Produkt weder über das Menü noch über die Suche gefunden",
        "message": "Das Produkt {product} wurde weder über das Menü[[ ({why})]] noch über die Suche gefunden.",
        "recommendation": "Machen Sie jedes Produkt über die Kategorien des Menüs erreichbar und über seinen Namen auffindbar.",
    },
    "journeys.discovery.search-misses": {
        "title": "Produkt über die Suche nach seinem Namen nicht gefunden",
        "message": "Die Suche nach dem eigenen Namen des Produkts führte nicht zu {product}[[ ({reason})]].",
        "recommendation": "Nehmen Sie Produktnamen in den Suchindex auf und zeigen Sie das Produkt unter den ersten Ergebnissen.",
    },
    "journeys.discovery.lostness": {
        "title": "Die Kundschaft irrt auf dem Weg zum Produkt umher",
        "message": "Das Produkt über das Menü zu finden, brauchte {pages} Seiten, wo {minimum} genügen: Lostness {lostness} (Smith 1996: über 0,5 hat sich die Kundschaft verirrt).",
        "recommendation": "Verkürzen Sie den Weg: Führen Sie das Produkt weit oben in der Kategorie, die das Menü öffnet.",
    },
    # journeys.cart
    "journeys.cart.add-review": {
        "title": "Das Hinzufügen zum Warenkorb muss geprüft werden",
        "message": "Der Kaufweg endete („{reason}“); das Bedienelement des Shops nutzt womöglich Wörter oder Markup, die die Prüfung nicht kennt.",
        "recommendation": _REVIEW_FIX,
    },
    "journeys.cart.add-failed": {
        "title": "Das Hinzufügen zum Warenkorb ist gescheitert",
        "message": "Der Kaufweg endete bei Schritt {step} („{reason}“).",
        "recommendation": "Machen Sie die Schaltfläche „In den Warenkorb“ zu einer sichtbaren, beschrifteten Schaltfläche, die mit einem Klick funktioniert.",
    },
    "journeys.cart.variant-hint": {
        "title": "Eine Variante muss ohne sichtbaren Hinweis gewählt werden",
        "message": "Das Produkt verlangt eine Auswahl (Größe, Farbe), bevor es in den Warenkorb kann; wer es ohne Auswahl hinzufügt, erfährt nicht, was fehlt.",
        "recommendation": "Beschriften Sie jede Variantenauswahl sichtbar („Wählen Sie Ihre Größe“) und sagen Sie es, wenn sie fehlt.",
    },
    "journeys.cart.feedback-nothing": {
        "title": "Das Hinzufügen zum Warenkorb wird nicht klar bestätigt",
        "message": "Nach dem Klick auf „In den Warenkorb“ sah die Kundschaft keine Bestätigung, keine Änderung am Warenkorb-Symbol und keinen Warenkorb (erwartet innerhalb von {limit} ms).",
        "recommendation": _FEEDBACK_FIX,
    },
    "journeys.cart.feedback-unnamed": {
        "title": "Das Hinzufügen zum Warenkorb wird nicht klar bestätigt",
        "message": "Nach dem Klick auf „In den Warenkorb“ sah die Kundschaft eine Bestätigung, die das Produkt nicht nennt (erwartet innerhalb von {limit} ms).",
        "recommendation": _FEEDBACK_FIX,
    },
    "journeys.cart.feedback-late": {
        "title": "Das Hinzufügen zum Warenkorb wird nicht klar bestätigt",
        "message": "Nach dem Klick auf „In den Warenkorb“ sah die Kundschaft die Bestätigung erst nach {wait_ms} ms (erwartet innerhalb von {limit} ms).",
        "recommendation": _FEEDBACK_FIX,
    },
    "journeys.cart.paint": {
        "title": "Der Klick auf „In den Warenkorb“ zeigt spät eine Wirkung",
        "message": "Die Seite zeichnete sich {paint_ms} ms nach dem Klick neu (gut: innerhalb von {limit} ms).",
        "recommendation": "Beantworten Sie den Klick sofort (gedrückter Zustand, Ladeanzeige) und erledigen Sie die Arbeit danach.",
    },
    "journeys.cart.cart-content": {
        "title": "Der Warenkorb zeigt nicht alles, was die Kundschaft braucht",
        "message": "Die Warenkorbseite zeigt nicht: {missing}.",
        "recommendation": "Zeigen Sie im Warenkorb Produkt, Variante, Preis, Summe und Versandkosten.",
    },
    "journeys.cart.cart-checkout": {
        "title": "Der Warenkorb hat keine erkennbare Schaltfläche zur Kasse",
        "message": "Im Warenkorb wurde keine Schaltfläche zur Kasse gefunden.",
        "recommendation": "Geben Sie dem Warenkorb eine klare Schaltfläche „Zur Kasse“.",
    },
    "journeys.cart.checkout-fold": {
        "title": "Die Schaltfläche zur Kasse liegt unterhalb des sichtbaren Bereichs",
        "message": "In einem Fenster von {height} px Höhe sieht man die Schaltfläche zur Kasse erst nach dem Scrollen.",
        "recommendation": "Setzen Sie die Schaltfläche zur Kasse dorthin, wo sich die Warenkorbseite öffnet (auch über die Liste der Artikel).",
    },
    # journeys.checkout
    "journeys.checkout.forced-account": {
        "title": "Die Kasse erzwingt ein Kundenkonto",
        "message": "Die Kasse verlangt Anmeldung oder Registrierung und bietet keine Gastbestellung (26 % der Kundschaft haben deshalb eine Bestellung abgebrochen, Baymard 2024).",
        "recommendation": "Bieten Sie eine Gastbestellung an, mindestens so sichtbar wie die Anmeldung; bieten Sie das Konto nach der Bestellung an.",
    },
    "journeys.checkout.unreached-review": {
        "title": "Der Weg in die Kasse muss geprüft werden",
        "message": "Der Kaufweg endete („{reason}“).",
        "recommendation": 'Prüfen Sie es von Hand; nennen Sie die Schaltfläche in [checks."journeys.discovery"] selectors.',
    },
    "journeys.checkout.unreached": {
        "title": "Die Kasse war nicht erreichbar",
        "message": "Der Kaufweg endete („{reason}“).",
        "recommendation": "Machen Sie den Weg vom Warenkorb in die Kasse zu einer klaren Schaltfläche.",
    },
    "journeys.checkout.fields": {
        "title": "Die Kasse fragt viele Felder ab",
        "message": "Das erste Formular der Gastbestellung hat {fields} Felder (gut: höchstens {good}; der Durchschnitt laut Baymard 2024 liegt bei 11,3).",
        "recommendation": "Streichen Sie, was die Bestellung nicht braucht (eine zweite Adresszeile, das Telefon, einen geteilten Namen).",
    },
    "journeys.checkout.guest-prominence": {
        "title": "Die Gastbestellung ist weniger sichtbar als die Anmeldung",
        "message": "Die Gastbestellung wiegt weniger als die Anmeldung: {reasons} (47 % der Shops machen sie nicht zur sichtbarsten Möglichkeit, Baymard).",
        "recommendation": "Stellen Sie die Gastbestellung an den Anfang, als Schaltfläche mindestens so sichtbar wie die Anmeldung.",
    },
    "journeys.checkout.many-steps": {
        "title": "Die Kasse hat mehr als 5 Schritte",
        "message": "Die Schrittanzeige der Kasse zeigt {steps} Schritte (Baymard 2024: im Schnitt 5,1 vom Warenkorb bis zur Bestellübersicht; die Zahl der Felder wiegt schwerer als die der Schritte).",
        "recommendation": "Legen Sie Schritte, die wenig abfragen (Versandart, Geschenkoptionen), mit ihren Nachbarn zusammen.",
    },
    "journeys.checkout.steps": {
        "title": "Die Kasse zeigt ihre Schritte nicht",
        "message": "Keine Schrittanzeige („Schritt 1 von 3“, ein nummerierter Fortschrittsbalken) sagt der Kundschaft, wie weit sie ist.",
        "recommendation": "Zeigen Sie die Schritte der Kasse und wo die Kundschaft gerade ist.",
    },
    "journeys.checkout.total": {
        "title": "Die Gesamtsumme erscheint erst im letzten Schritt",
        "message": "Die Kasse zeigt die Gesamtsumme der Bestellung nicht von Anfang an (21 % haben deshalb abgebrochen, Baymard 2024).",
        "recommendation": "Zeigen Sie die Gesamtsumme mit Versandkosten in jedem Schritt der Kasse.",
    },
    "journeys.checkout.order-wording": {
        "title": "Die Bestellschaltfläche sagt nicht, dass die Bestellung kostenpflichtig ist",
        "message": "Die letzte Bestellschaltfläche sagt „{button}“; das Gesetz (§ 312j Abs. 3 BGB) verlangt „zahlungspflichtig bestellen“ oder eine ebenso eindeutige Formulierung.",
        "recommendation": "Beschriften Sie die letzte Schaltfläche mit „zahlungspflichtig bestellen“.",
    },
    # journeys.service
    "journeys.service.service": {
        "title": "Serviceinformationen sind von der Produktseite aus nicht erreichbar",
        "message": "Von der Produktseite aus findet die Kundschaft keinen Link zu: {missing} (eine nicht gefundene Rückgaberegelung ließ 18 % abbrechen, Baymard 2024).",
        "recommendation": "Verlinken Sie Kontakt, Versandkosten und Rückgabe von jeder Produktseite (Kopfzeile, Fußzeile oder beim Preis).",
    },
    # journeys.personas
    "journeys.personas.persona.keyboard": {
        "title": "Mit der Tastatur lässt sich der Kaufweg „{journey}“ nicht abschließen",
        "message": "Mit der Maus am Desktop kommt der Kaufweg ans Ziel; mit der Tastatur endet er bei Schritt {step}[[ („{reason}“)]].",
        "recommendation": "Sorgen Sie dafür, dass jeder Schritt ohne Zeigegerät funktioniert (fokussierbar, Enter und Leertaste), auf dem Telefon und vergrößert.",
    },
    "journeys.personas.persona.mobile": {
        "title": "Im Profil „{persona}“ lässt sich der Kaufweg „{journey}“ nicht abschließen",
        "message": "Mit der Maus am Desktop kommt der Kaufweg ans Ziel; im Profil „{persona}“ endet er bei Schritt {step}[[ („{reason}“)]].",
        "recommendation": "Sorgen Sie dafür, dass jeder Schritt auf einem schmalen, langsamen Telefon und bei 320 px funktioniert.",
    },
    "journeys.personas.persona.zoom": {
        "title": "Im Profil „{persona}“ lässt sich der Kaufweg „{journey}“ nicht abschließen",
        "message": "Mit der Maus am Desktop kommt der Kaufweg ans Ziel; im Profil „{persona}“ endet er bei Schritt {step}[[ („{reason}“)]].",
        "recommendation": "Lassen Sie jeden Schritt in ein 320 px breites Fenster umbrechen, ohne seine Bedienelemente zu verbergen (WCAG 1.4.10).",
    },
    "journeys.personas.persona.zoom-text": {
        "title": "Im Profil „{persona}“ lässt sich der Kaufweg „{journey}“ nicht abschließen",
        "message": "Mit der Maus am Desktop kommt der Kaufweg ans Ziel; im Profil „{persona}“ endet er bei Schritt {step}[[ („{reason}“)]].",
        "recommendation": "Lassen Sie Kästen mit Text bei 200 % Schriftgröße mitwachsen (min-height, kein overflow: hidden um Text, Größen in rem/em), damit jedes Bedienelement sichtbar und klickbar bleibt (WCAG 1.4.4).",
    },
}
#: service pages more than 2 clicks away (journeys.service), by role
for _role, (_page, _link) in {
    "contact": ("Die Kontaktseite", "die Kontaktseite"),
    "shipping": ("Die Versandinformation", "die Versandinformation"),
    "returns": ("Die Information zur Rückgabe", "die Information zur Rückgabe"),
}.items():
    FINDINGS[f"journeys.service.far.{_role}"] = {
        "title": f"{_page} ist mehr als 2 Klicks entfernt",
        "message": f"Von {{pages}} {{pages|Seite|Seiten}} des Kaufwegs aus ist {_link} nicht innerhalb von 2 Klicks erreichbar.",
        "recommendation": f"Verlinken Sie {_link} aus der Fußzeile jeder Seite.",
    }
