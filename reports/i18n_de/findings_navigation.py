# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the navigation checks' findings by message id; "{n|one|other}" picks
the word for a count, "[[...]]" is said only when its params have values."""

from __future__ import annotations

_MENU_TRAP_FIX = "Lassen Sie Tab und Umschalt+Tab von jedem Element weitergehen; halten Sie den Fokus nur in einem geöffneten Dialog fest und lassen Sie ihn mit Escape schließen."
_DEEP_FIX = "Verlinken Sie die Seite von einer höheren Ebene: von der ersten Listenseite ihrer Kategorie, aus dem Hauptmenü oder mit einem Teaser auf der Startseite, damit man sie ohne lange Klickkette findet."
_ORPHAN_FIX = "Verlinken Sie die Seite aus ihrer Kategorie oder dem Menü; ist sie veraltet, nehmen Sie sie aus der Sitemap und leiten Sie sie auf ihre Nachfolgerin um."
_HEDGE = " Die Prüfung hat einige Seiten ausgelassen (Stichprobe oder Grenzen), eine davon könnte noch darauf verlinken."
_SOFT_FIX = "Beantworten Sie unbekannte Adressen mit HTTP 404 (410 für Produkte, die endgültig weg sind), und behalten Sie eine hilfreiche Fehlerseite mit Kopfzeile, Menü und Suche des Shops."
_STRANDED_FIX = "Behalten Sie Kopfzeile, Hauptmenü und Suche des Shops auf Fehlerseiten und schlagen Sie die wichtigsten Kategorien oder beliebte Produkte vor."
_LATE_FIX = "Bieten Sie Unterkategorien oder Filter an, die die Liste eingrenzen, und verlinken Sie diese Produkte von einer ersten Seite."

FINDINGS: dict[str, dict[str, str]] = {
    # navigation.broken-links
    "navigation.broken-links.link": {
        "title": "Link führt auf eine Fehlerseite",
        "message": "Der Link „{text}“ in {place} führt zu {target}, das mit HTTP {status} antwortet. Er steht auf {count} {count|Seite|Seiten}.",
        "recommendation": "Lassen Sie den Link auf die Seite zeigen, die die alte ersetzt hat, leiten Sie die alte Adresse mit 301 auf ihren nächsten Nachfolger um, oder entfernen Sie den Link.",
    },
    "navigation.broken-links.resource-missing": {
        "title": "Eine Ressource der Seite fehlt ({kind})",
        "message": "{kind} {target} antwortet auf {count} {count|Seite|Seiten} mit HTTP {status}: Die Kundschaft sieht eine Lücke oder einen kaputten Seitenteil.",
        "recommendation": "Stellen Sie die Datei wieder her oder entfernen Sie den Verweis darauf aus der Vorlage.",
    },
    "navigation.broken-links.resource-unreachable": {
        "title": "Eine Ressource der Seite ist nicht erreichbar ({kind})",
        "message": "{kind} {target} ließ sich auf {count} {count|Seite|Seiten} vom Rechner der Prüfung aus nicht laden ({status}): Die Kundschaft sieht eine Lücke oder einen kaputten Seitenteil.",
        "recommendation": "Liefern Sie die Datei vom eigenen Host des Shops aus, oder sorgen Sie dafür, dass ihr Server antwortet (lief die Prüfung ohne Internetzugang, prüfen Sie es aus dem Netz einer Kundin).",
    },
    # navigation.redirect-chains
    "navigation.redirect-chains.chain": {
        "title": "Link läuft über {hops} Weiterleitungen",
        "message": "{path} leitet {hops}-mal weiter, bevor die Seite ankommt: {chain}.",
        "recommendation": "Verlinken Sie direkt auf {final} und lassen Sie jede alte Adresse in einem einzigen Schritt dorthin weiterleiten.",
    },
    # navigation.soft-404
    "navigation.soft-404.probe-redirect": {
        "title": "Fehlende Seiten antworten mit Erfolg (Soft 404)",
        "message": "Eine Adresse, die es nicht geben kann ({path}), leitet auf {target} weiter, das mit {status} antwortet. Suchmaschinen nehmen solche Seiten in den Index auf, und kein Monitoring bemerkt die defekten Links, die Kundschaft dorthin führen.",
        "recommendation": _SOFT_FIX,
    },
    "navigation.soft-404.probe-not-found": {
        "title": "Fehlende Seiten antworten mit Erfolg (Soft 404)",
        "message": "Eine Adresse, die es nicht geben kann ({path}), zeigt eine „nicht gefunden“-Seite mit Status {status}. Suchmaschinen nehmen solche Seiten in den Index auf, und kein Monitoring bemerkt die defekten Links, die Kundschaft dorthin führen.",
        "recommendation": _SOFT_FIX,
    },
    "navigation.soft-404.probe-ordinary": {
        "title": "Fehlende Seiten antworten mit Erfolg (Soft 404)",
        "message": "Eine Adresse, die es nicht geben kann ({path}), antwortet mit {status} und einer gewöhnlichen Seite. Suchmaschinen nehmen solche Seiten in den Index auf, und kein Monitoring bemerkt die defekten Links, die Kundschaft dorthin führen.",
        "recommendation": _SOFT_FIX,
    },
    "navigation.soft-404.pages": {
        "title": "„Nicht gefunden“-Seite antwortet mit Erfolg",
        "message": "{count} gecrawlte {count|Seite sagt|Seiten sagen}, die Seite sei nicht gefunden worden, {count|antwortet|antworten} aber mit HTTP 200: Suchmaschinen nehmen sie in den Index auf, und die defekten Links dorthin bleiben unbemerkt.",
        "recommendation": "Antworten Sie mit HTTP 404, wo es die Seite nicht gibt.",
    },
    "navigation.soft-404.stranded-probe": {
        "title": "Fehlerseite bietet keinen Weg zurück",
        "message": "Die Fehlerseite des Shops zeigt weder das Hauptmenü noch die Suche: Wer einem defekten Link folgt, kann nur noch gehen.",
        "recommendation": _STRANDED_FIX,
    },
    "navigation.soft-404.stranded": {
        "title": "Fehlerseite bietet keinen Weg zurück",
        "message": "{count} {count|Fehlerseite zeigt|Fehlerseiten zeigen} weder das Hauptmenü noch die Suche: Wer einem defekten Link folgt, kann nur noch gehen.",
        "recommendation": _STRANDED_FIX,
    },
    # navigation.main-menu
    "navigation.main-menu.keyboard-trap": {
        "title": "Der Tastaturfokus bleibt vor dem Hauptmenü hängen",
        "message": "Von oben mit Tab durch die Seite bleibt der Fokus auf {element} und erreicht den Rest des Hauptmenüs nie ({pages} {pages|Seite|Seiten} geprüft): Wer mit der Tastatur arbeitet, kann sich nicht durch den Shop bewegen.",
        "recommendation": _MENU_TRAP_FIX,
    },
    "navigation.main-menu.no-menu": {
        "title": "Kein Hauptmenü gefunden",
        "message": "Keine der {pages} Seiten hat eine erkennbare Hauptnavigation (ein <nav>-Element oder role=navigation mit den Bereichen des Shops).",
        "recommendation": 'Zeichnen Sie das Hauptmenü in der gemeinsamen Kopfzeile als <nav aria-label="Hauptmenü"> aus, mit den Hauptbereichen des Shops als Links.',
    },
    "navigation.main-menu.missing": {
        "title": "Seiten ohne Hauptmenü",
        "message": "{count} {count|Seite|Seiten} ({templates}) {count|zeigt|zeigen} das Hauptmenü des Shops ({items}) nicht, anders als der Rest des Shops: Die Kundschaft kann dort nicht weiterstöbern. Eine Konto- oder Serviceleiste ersetzt es nicht.",
        "recommendation": "Verwenden Sie auch auf diesen Seiten die gemeinsame Kopfzeile des Shops mit ihrem Hauptmenü.",
    },
    "navigation.main-menu.different": {
        "title": "Das Hauptmenü weicht auf manchen Seiten ab",
        "message": "Auf {count} von {pages} Seiten weicht das Hauptmenü von dem ab, das der Rest des Shops zeigt[[; es fehlt: {gone}]][[; zusätzlich: {added}]][[; {moved}]].",
        "recommendation": "Erzeugen Sie ein Menü für den ganzen Shop, damit es dort bleibt, wo die Kundschaft es erwartet.",
    },
    "navigation.main-menu.overloaded": {
        "title": "Das Hauptmenü hat {count} Einträge auf der obersten Ebene",
        "message": "Das Hauptmenü bietet auf der obersten Ebene {count} Einträge (empfohlen: höchstens {max}); eine lange Reihe lässt sich schwer überblicken.",
        "recommendation": "Fassen Sie die oberste Ebene zu weniger, breiteren Bereichen zusammen; verschieben Sie den Rest eine Ebene nach unten.",
    },
    "navigation.main-menu.keyboard": {
        "title": "Einträge des Hauptmenüs sind per Tastatur nicht erreichbar",
        "message": "{count} {count|Eintrag|Einträge} der obersten Menüebene ({items}) {count|ist|sind} weder Link noch Schaltfläche oder aus der Tab-Reihenfolge genommen: Wer mit Tastatur oder Screenreader arbeitet, kann sie nicht öffnen.",
        "recommendation": "Machen Sie jeden Eintrag der obersten Ebene zu einem echten Link (einer eigenen Seite) oder zu einer Schaltfläche, die sein Untermenü öffnet; setzen Sie kein tabindex=-1 darauf.",
    },
    # navigation.breadcrumbs
    "navigation.breadcrumbs.missing": {
        "title": "{kind}seiten ohne Brotkrümelnavigation",
        "message": "{count} von {pages} {kind}seiten ({templates}) zeigen keine Brotkrümelnavigation: Die Kundschaft sieht nicht, wo sie ist, und kommt nicht eine Ebene höher.",
        "recommendation": 'Zeigen Sie Startseite › Kategorie › Produkt auf jeder Produktseite (Startseite › Kategorie auf Kategorieseiten), ausgezeichnet als <nav aria-label="Brotkrümelnavigation"> mit einer schema.org-BreadcrumbList.',
    },
    "navigation.breadcrumbs.no-home": {
        "title": "Die Brotkrümelnavigation beginnt nicht bei der Startseite",
        "message": "Auf {pages} {kind}{pages|seite|seiten} verlinkt der erste Eintrag der Brotkrümelnavigation nicht die Startseite; der Pfad passt also nicht zu dem Weg, den die Kundschaft gekommen ist.",
        "recommendation": "Beginnen Sie den Pfad mit einem Link auf die Startseite.",
    },
    "navigation.breadcrumbs.unlisted": {
        "title": "Die Brotkrümelnavigation nennt eine Elternseite, die die Seite nicht aufführt",
        "message": "Die Brotkrümelnavigation von {count} {count|Seite|Seiten} ordnet {count|sie|sie} unter „{label}“ ({path}) ein, aber keine Seite dieser Liste verlinkt darauf: Wer „{label}“ durchstöbert, stößt nie auf {count|diese Seite|diese Seiten}.",
        "recommendation": "Führen Sie die Seite in „{label}“ auf, oder ordnen Sie sie unter dem Bereich ein, der sie aufführt.",
    },
    # navigation.click-depth
    **{
        f"navigation.click-depth.deep-{kind}-one": {
            "title": noun + " ist {depth} Klicks von der Startseite entfernt",
            "message": "Die Kundschaft braucht {depth} Klicks bis zu {title} (empfohlen: höchstens {limit} für eine "
            + noun
            + "). Kürzester Weg: {path}.",
            "recommendation": _DEEP_FIX,
        }
        for kind, noun in (
            ("product", "Produktseite"),
            ("category", "Kategorieseite"),
            ("page", "Seite"),
        )
    },
    **{
        f"navigation.click-depth.deep-{kind}-many": {
            "title": nouns + " von {template} bis zu {depth} Klicks von der Startseite entfernt",
            "message": "Die Kundschaft braucht {depth} Klicks bis zu {title} (empfohlen: höchstens {limit} für eine "
            + noun
            + "). Kürzester Weg: {path}. {count} "
            + nouns
            + " von {template} liegen tiefer als {limit} Klicks.",
            "recommendation": _DEEP_FIX,
        }
        for kind, noun, nouns in (
            ("product", "Produktseite", "Produktseiten"),
            ("category", "Kategorieseite", "Kategorieseiten"),
            ("page", "Seite", "Seiten"),
        )
    },
    "navigation.click-depth.more": {
        "title": "{count} weitere Seiten liegen tiefer als empfohlen",
        "message": "Außer den genannten Seiten brauchen {count} Seiten mehr Klicks von der Startseite als die Grenzen erlauben ({max_product} für Produkte, {max} für andere Seiten).",
        "recommendation": "Machen Sie die Hierarchie flacher: Verlinken Sie tiefe Bereiche von höheren Ebenen.",
    },
    # navigation.pagination
    "navigation.pagination.infinite-scroll": {
        "title": "Endloses Scrollen ohne verlinkbare Seiten",
        "message": "{count} {count|Listenseite lädt|Listenseiten laden} am Ende weitere Produkte nach, ohne Seitenlinks dahinter: Suchmaschinen und diese Prüfung sehen nur die ersten Produkte, und die Kundschaft verliert ihre Stelle, wenn sie zurückkommt.",
        "recommendation": "Behalten Sie das endlose Scrollen, aber geben Sie jedem Abschnitt eine eigene Adresse (?page=2) mit einem echten Link „nächste Seite“, und passen Sie die Adresse beim Scrollen an.",
    },
    "navigation.pagination.load-more": {
        "title": "Liste lädt weitere Produkte nur per Skript",
        "message": "{count} {count|Listenseite bietet|Listenseiten bieten} eine Schaltfläche „Mehr laden“ ohne Link auf eine nächste Seite: Die Produkte dahinter finden weder Suchmaschinen noch Kundschaft, die an dieselbe Stelle zurückkommt.",
        "recommendation": 'Hinterlegen Sie die Schaltfläche mit einem echten Link auf die nächste Seite (<a href="?page=2">), den das Skript erweitert.',
    },
    "navigation.pagination.late-one": {
        "title": "Produkte nur über eine späte Listenseite erreichbar",
        "message": "{count} {count|Produktseite wird|Produktseiten werden} nur über Seite {first} oder später von {listing} erreicht.",
        "recommendation": _LATE_FIX,
    },
    "navigation.pagination.late-many": {
        "title": "Produkte nur über eine späte Listenseite erreichbar",
        "message": "{count} {count|Produktseite wird|Produktseiten werden} nur über Seite {first} oder später von {listings} Listen von {template} erreicht.",
        "recommendation": _LATE_FIX,
    },
    # navigation.orphans
    **{
        f"navigation.orphans.orphan-one{partial}": {
            "title": "Seite in der Sitemap, auf die keine Seite verlinkt",
            "message": "{title} ({path}) steht in der Sitemap, aber keine der gecrawlten Seiten verlinkt darauf: Die Kundschaft kommt im Shop nicht dorthin."
            + (_HEDGE if partial else ""),
            "recommendation": _ORPHAN_FIX,
        }
        for partial in ("", "-partial")
    },
    **{
        f"navigation.orphans.orphan-many{partial}": {
            "title": "{count} Seiten von {template} in der Sitemap, auf die keine Seite verlinkt",
            "message": "{title} ({path}) steht in der Sitemap, aber keine der gecrawlten Seiten verlinkt darauf: Die Kundschaft kommt im Shop nicht dorthin. Ebenso {more} weitere Seiten von {template}."
            + (_HEDGE if partial else ""),
            "recommendation": _ORPHAN_FIX,
        }
        for partial in ("", "-partial")
    },
    "navigation.orphans.more": {
        "title": "{count} weitere Seiten der Sitemap sind nirgends verlinkt",
        "message": "Außer den genannten Seiten wurden {count} Seiten der Sitemap über keinen Link der gecrawlten Seiten erreicht.",
        "recommendation": "Verlinken Sie sie aus ihren Kategorien, oder nehmen Sie sie aus der Sitemap.",
    },
    # navigation.dead-ends
    "navigation.dead-ends.dead-end": {
        "title": "Seite verlinkt nirgendwohin",
        "message": "{count} {count|Seite|Seiten} der Form {template} {count|hat|haben} keinen Link auf eine andere Seite des Shops: Nur die Zurück-Taste führt weiter.",
        "recommendation": "Geben Sie diesen Seiten Kopfzeile, Hauptmenü und Fußzeile des Shops.",
    },
}

#: key pages (navigation.key-pages) by kind: the name with its article as German needs it
_KEY_PAGES = {
    # kind: (nominative, accusative, dative, pronoun (accusative), where its link belongs)
    "cart": ("der Warenkorb", "den Warenkorb", "dem Warenkorb", "ihn", "Kopfzeile"),
    "checkout": ("die Kasse", "die Kasse", "der Kasse", "sie", "Fußzeile"),
    "contact": ("die Kontaktseite", "die Kontaktseite", "der Kontaktseite", "sie", "Fußzeile"),
    "shipping": (
        "die Versandinformation",
        "die Versandinformation",
        "der Versandinformation",
        "sie",
        "Fußzeile",
    ),
    "returns": (
        "die Information zur Rückgabe",
        "die Information zur Rückgabe",
        "der Information zur Rückgabe",
        "sie",
        "Fußzeile",
    ),
    "imprint": ("das Impressum", "das Impressum", "dem Impressum", "es", "Fußzeile"),
    "privacy": (
        "die Datenschutzerklärung",
        "die Datenschutzerklärung",
        "der Datenschutzerklärung",
        "sie",
        "Fußzeile",
    ),
}
_NONE = {"der": "Kein", "das": "Kein", "die": "Keine"}
for _kind, (_the, _acc, _dat, _it, _bar) in _KEY_PAGES.items():
    _article, _name = _the.split(" ", 1)
    FINDINGS[f"navigation.key-pages.missing.{_kind}"] = {
        "title": f"{_NONE[_article]} {_name} gefunden",
        "message": f"Keine Seite der Prüfung verlinkt auf {_acc}, und keine Seite wurde an Adresse oder Überschrift als solche erkannt.",
        "recommendation": f"Veröffentlichen Sie {_acc} und verlinken Sie {_it} aus der {_bar} jeder Seite.",
    }
    FINDINGS[f"navigation.key-pages.deep.{_kind}"] = {
        "title": f"{_the[0].upper()}{_the[1:]} ist {{depth}} Klicks von der Startseite entfernt",
        "message": f"Die Kundschaft braucht {{depth}} Klicks bis zu {_dat} unter {{path}} (empfohlen: höchstens {{max}}).",
        "recommendation": f"Verlinken Sie {_acc} aus der Kopf- oder Fußzeile jeder Seite.",
    }
    FINDINGS[f"navigation.key-pages.not-everywhere.{_kind}"] = {
        "title": f"Nicht jede Seite verlinkt auf {_acc}",
        "message": f"{{count}} von {{pages}} Seiten haben keinen Link auf {_acc} ({{path}}): Die Kundschaft muss dort danach suchen.",
        "recommendation": f"Setzen Sie den Link auf {_acc} in die gemeinsame {_bar}, damit jede Seite ihn hat.",
    }
