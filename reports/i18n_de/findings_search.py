# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the search checks' findings by message id."""

from __future__ import annotations

_TOLERANCE = {
    "swap": "an einem Tippfehler (zwei Buchstaben vertauscht)",
    "drop": "an einem Tippfehler (ein Buchstabe fehlt)",
    "plural": "am Plural",
    "singular": "am Singular",
    "case": "an anderer Groß-/Kleinschreibung",
    "umlaut": "an Umlauten als ae/oe/ue",
    "synonym": "an einem Synonym",
    "sku": "an der Artikelnummer (SKU)",
}

FINDINGS: dict[str, dict[str, str]] = {
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
}
for _kind, _what in _TOLERANCE.items():
    FINDINGS[f"search.tolerance.{_kind}"] = {
        "title": f"Die Suche scheitert {_what}",
        "recommendation": "Machen Sie die Suche fehlertolerant: Tippfehlertoleranz, "
        "Grundformen für Plurale, Groß-/Kleinschreibung und Umlaute angleichen, "
        "Artikelnummern und eine Synonymliste. 18 % der Websites scheitern an einem "
        "fehlenden Buchstaben, 33 % an Modell- oder Artikelnummern (Baymard).",
    }

#: the messages (and the recommendations not given above); "{n|one|other}" picks the word
#: for a count, "[[...]]" is said only when its params have values (reports/i18n)
_FIND_FIX = "Nehmen Sie Produktnamen (und Kategorien, Artikelnummern) in den Suchindex auf, damit ein Produkt über seinen eigenen Namen gefunden wird, an erster Stelle; 16 % der Websites scheitern daran (Baymard)."
_ZERO_FIX = "Sagen Sie deutlich, dass für den Suchbegriff nichts gefunden wurde, lassen Sie ihn im Suchfeld stehen, schlagen Sie eine Schreibweise vor und listen Sie Kategorien und beliebte Produkte auf, mit der Kopfzeile des Shops (Empfehlung der NN/g für Seiten ohne Treffer)."
_BOX_FIX = "Setzen Sie das Suchfeld oben auf die Seite, in die gemeinsame Kopfzeile (Baymard: Wie sichtbar das Feld ist, entscheidet, wie viel gesucht wird)."
_MORE: dict[str, dict[str, str]] = {
    "search.results.not-found": {
        "message": "Eine Suche nach „{query}“ findet nichts, obwohl {path} die Seite dieses Produkts ist.",
        "recommendation": _FIND_FIX,
    },
    "search.results.not-first": {
        "message": "Eine Suche nach „{query}“ listet {shown} {shown|Ergebnis|Ergebnisse}, dieses Produkt aber erst an Stelle {rank}, obwohl {path} die Seite dieses Produkts ist.",
        "recommendation": _FIND_FIX,
    },
    "search.results.not-listed": {
        "title": "Produkt nicht unter den ersten Ergebnissen für seinen Namen",
        "message": "Eine Suche nach „{query}“ listet {shown} {shown|Ergebnis|Ergebnisse}, aber nicht dieses Produkt, obwohl {path} die Seite dieses Produkts ist.",
        "recommendation": _FIND_FIX,
    },
    "search.results.category-nothing": {
        "message": "Eine Suche nach „{query}“, dem Namen der shopeigenen Kategorie {category}, findet nichts.",
        "recommendation": "Nehmen Sie Kategorienamen und Produktarten in den Suchindex auf, damit eine Suche nach einer Produktart die Produkte dieser Kategorie listet; 29 % der Websites scheitern an Suchen nach Produktarten (Baymard 2024).",
    },
    "search.results.count": {
        "message": "Die Ergebnisseite listet Produkte, nennt aber keine Anzahl: bei {count} von {searches} Suchen, z. B. „{query}“.",
    },
    "search.results.echo": {
        "message": "Weder Titel noch Überschrift noch Text sagen, wonach gesucht wurde: bei {count} von {searches} Suchen, z. B. „{query}“.",
    },
    "search.results.kept": {
        "message": "Das Suchfeld auf der Ergebnisseite zeigt den Suchbegriff nicht mehr: bei {count} von {searches} Suchen, z. B. „{query}“.",
    },
    "search.results.refine": {
        "message": "Die Ergebnisseite bietet weder Sortierung noch Filter: bei {count} von {searches} Suchen, z. B. „{query}“.",
        "recommendation": "Bieten Sie auf der Ergebnisseite Sortierung (Preis, Relevanz) und Filter (Kategorie, Preis, Größe) an.",
    },
    "search.zero-results.dead-end": {
        "message": "Eine Suche nach „{query}“ endet auf einer Seite, die {gaps}.",
        "recommendation": _ZERO_FIX,
    },
    "search.zero-results.little-help": {
        "message": "Eine Suche nach „{query}“ endet auf einer Seite, die {gaps}.",
        "recommendation": _ZERO_FIX,
    },
    "search.box.search-missing-on-some-pages": {
        "message": "{count} {count|Seite zeigt|Seiten zeigen} kein Suchfeld, während {found} andere eines zeigen: Wer dort ist, muss zum Suchen erst zurück.",
        "recommendation": "Setzen Sie die Suche in die gemeinsame Kopfzeile jeder Seitenvorlage (ein reduzierter Checkout darf sie weglassen).",
    },
    "search.box.search-field-hidden-behind-an-icon": {
        "message": "Das Suchfeld ist erst sichtbar, wenn die Kundschaft [[„{name}“ ]]anklickt: Viele bemerken nie, dass man im Shop suchen kann.",
        "recommendation": "Zeigen Sie auf dem Desktop ein offenes Suchfeld in der Kopfzeile; Baymard stellt fest, dass die Sichtbarkeit des Felds entscheidet, wie viele Kundinnen und Kunden suchen.",
    },
    "search.box.search-field-not-in-the-header": {
        "message": "Das Suchfeld steht in {where}, nicht in der Kopfzeile, wo die Kundschaft es zuerst sucht.",
        "recommendation": _BOX_FIX,
    },
    "search.box.search-field-has-no-label": {
        "message": "Das Suchfeld hat keine Beschriftung (kein <label>, aria-label oder aria-labelledby), höchstens einen Platzhalter. Der Platzhalter verschwindet, sobald die Kundschaft tippt, und Screenreader sagen das Feld womöglich ohne Namen an.",
        "recommendation": 'Geben Sie dem Feld eine Beschriftung: ein sichtbares <label> oder aria-label="Suche", und lassen Sie den Platzhalter nur ein Beispiel zeigen (WCAG 1.3.1, 4.1.2).',
    },
    "search.box.search-field-too-narrow": {
        "message": "Das Suchfeld zeigt etwa {chars} Zeichen ({px} px); längere Suchbegriffe rutschen aus dem Blick, und die Kundschaft kann nicht prüfen, was sie getippt hat.",
        "recommendation": "Machen Sie das Feld mindestens {min} Zeichen breit: Das reicht für 90 % der Suchbegriffe (Nielsen).",
    },
    "search.box.search-is-not-marked-as-a-search-landmark": {
        "message": "Das Suchformular hat kein role=search (und ist kein <search>-Element): Wer einen Screenreader nutzt, kann es nicht aus der Liste der Landmarks anspringen.",
    },
    "search.box.search-field-has-no-submit-button": {
        "message": "Neben dem Suchfeld gibt es keine Schaltfläche: Auf Touchscreens und für alle, die nicht wissen, dass Enter sucht, lässt sich die Suche nicht abschicken (21 % der mobilen Websites, Baymard).",
        "recommendation": "Setzen Sie eine Absenden-Schaltfläche direkt neben das Feld.",
    },
    "search.box.no-search-field-found": {
        "message": "Keine Seite zeigt ein Suchfeld oder ein Symbol, das eines öffnet: Wer weiß, was er will, kann nicht danach suchen.",
    },
    "search.box.no-search-field-found-via-pattern": {
        "title": "Kein Suchfeld gefunden",
        "message": "Keine Seite zeigt ein Suchfeld oder ein Symbol, das eines öffnet; die Suchen liefen über das eingestellte url_pattern.",
    },
    "search.speed.search-is-slow": {
        "message": "Suchergebnisse brauchen {median_s} s (Median aus {count} Suchen; am langsamsten {slowest_s} s für „{query}“); gut ist bis {good_s} s, schlecht über {poor_s} s.",
        "recommendation": "Beantworten Sie Suchen aus einem Suchindex, cachen Sie häufige Suchbegriffe, und senden Sie die Ergebnisseite vor Empfehlungen und Tracking.",
    },
    "search.suggestions.no-autocomplete-suggestions": {
        "message": "Wer „{prefix}“ ins Suchfeld tippt, bekommt keine Vorschläge.",
        "recommendation": "Schlagen Sie nach den ersten Buchstaben Suchbegriffe, Kategorien und Produkte vor; 80 % der Shops tun das (Baymard), und es führt die Kundschaft zu Suchbegriffen, die etwas finden.",
    },
    "search.suggestions.autocomplete-suggestions-appear-slowly": {
        "message": "Vorschläge für „{prefix}“ erschienen {s} s nach der letzten Taste (gut: innerhalb von {good_s} s).",
        "recommendation": "Beantworten Sie Anfragen nach Vorschlägen aus einem Cache oder einem Präfix-Index.",
    },
    "search.suggestions.autocomplete-suggestions-cannot-be-chosen-by-keyboard": {
        "message": "Vorschläge für „{prefix}“ erscheinen, aber die Pfeiltaste nach unten führt nicht hinein.",
        "recommendation": "Bauen Sie das Feld als ARIA-Combobox: Pfeiltasten bewegen sich durch die Optionen (aria-activedescendant), Enter wählt eine aus, Escape schließt.",
    },
}
_MORE["search.box.no-search-field-found"]["recommendation"] = _MORE[
    "search.box.no-search-field-found-via-pattern"
]["recommendation"] = (
    "Bieten Sie in der Kopfzeile jeder Seite ein offenes Suchfeld an. Hat der Shop eines, das "
    'die Prüfung übersehen hat, nennen Sie es in der Konfiguration: [checks."search.results"] '
    'selector = "#my-search" oder url_pattern = "/search?q={{query}}".'
)
for _kind in _TOLERANCE:
    _MORE[f"search.tolerance.{_kind}"] = {
        "message": "„{base}“ findet Ergebnisse, „{query}“ nichts[[; „{base2}“ findet Ergebnisse, „{query2}“ nichts]][[; „{base3}“ findet Ergebnisse, „{query3}“ nichts]][[ ({more} Suchbegriffe, z. B. diese)]]: Die Kundschaft schließt daraus, dass der Shop es nicht führt.",
    }
for _id, _texts in _MORE.items():
    FINDINGS.setdefault(_id, {}).update(_texts)
