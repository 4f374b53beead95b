# ruff: noqa: E501  (a translation table: one text per line reads best)
"""German texts of the performance checks' findings by message id."""

from __future__ import annotations

_VITALS = {
    "lcp_ms": (
        "Largest Contentful Paint",
        "Lassen Sie das größte Element früh ankommen: das Bild im Kopfbereich klein und "
        "cachebar ausliefern (AVIF/WebP in passender Größe), vorladen oder mit "
        "fetchpriority=high markieren, nie per Lazy Loading laden, und die erste Antwort "
        "des Servers schnell halten.",
    ),
    "cls": (
        "Cumulative Layout Shift",
        "Reservieren Sie Platz für alles, was spät kommt: Breite und Höhe bei Bildern, feste "
        "Flächen für Banner und Consent-Leisten, und kein Inhalt, der über bereits "
        "Sichtbarem eingefügt wird.",
    ),
    "inp_ms": (
        "Interaction to Next Paint",
        "Halten Sie den Hauptthread frei, wenn die Kundschaft tippt: lange Aufgaben teilen, "
        "Skripte von Drittanbietern verzögern und sofort eine Rückmeldung zeigen, bevor "
        "schwere Arbeit beginnt.",
    ),
    "fcp_ms": (
        "First Contentful Paint",
        "Zeigen Sie früher etwas: kritisches CSS inline, Skripte im Kopf mit async/defer "
        "laden und die Antwortzeit des Servers senken.",
    ),
    "ttfb_ms": (
        "Time to First Byte",
        "Antworten Sie schneller: gerenderte Seiten cachen (Full-Page-Cache, CDN) und die "
        "langsamen Datenbankabfragen oder Backend-Aufrufe hinter dieser Vorlage finden.",
    ),
    "tbt_ms": (
        "Total Blocking Time",
        "Zerlegen Sie die hier genannten langen Aufgaben: die Skripte dahinter verzögern oder "
        "entfernen, Tags von Drittanbietern nach der Seite laden und schwere Arbeit in "
        "kleine Stücke teilen.",
    ),
}
FINDINGS: dict[str, dict[str, str]] = {}
_VITALS_MESSAGE = (
    "{name} lag bei {value_fmt} auf {worst_path} (Median aus {loads} "
    "{loads|Ladevorgang|Ladevorgängen}, Profil {profile}); web.dev bewertet bis {good_fmt} "
    "als gut und über {poor_fmt} als schlecht."
)
_VITALS_CAUSE = (
    "[[ Das größte Element war {lcp_element}.]][[ Sein Bild {lcp_resource} wurde bei "
    "{lcp_start_fmt} angefordert und brauchte {lcp_took_fmt}, bis es ankam.]]"
    "[[ Verschoben haben sich: {shifted}.]][[ {long_tasks} lange "
    "{long_tasks|Aufgabe blockierte|Aufgaben blockierten} Eingaben, die längste {longest_ms} ms.]]"
    "[[ Skripte dahinter: {scripts}.]]"
)
_VITALS_MANY = " {count} von {rated} gemessenen Seiten von {template} sind nicht gut."
_VITALS_SITE = (
    " Der Wert ist auf {kinds} der {timed} gemessenen Seitentypen nicht gut ({templates}): "
    "eine gemeinsame Ursache wie die Antwortzeit des Servers oder Schriften und Skripte des "
    "Themes, also hilft eine Korrektur jeder Seite."
)
for _key, (_name, _fix) in _VITALS.items():
    _message = _VITALS_MESSAGE.replace("{name}", _name)
    FINDINGS[f"performance.web-vitals.{_key}-one"] = {
        "title": _name + " ist {band} auf {path}",
        "message": _message + _VITALS_CAUSE,
        "recommendation": _fix,
    }
    FINDINGS[f"performance.web-vitals.{_key}-many"] = {
        "title": _name + " ist {band} auf {count} Seiten von {template}",
        "message": _message + _VITALS_MANY + _VITALS_CAUSE,
        "recommendation": _fix,
    }
    FINDINGS[f"performance.web-vitals.{_key}-site"] = {
        "title": _name + " ist {band} auf {kinds} von {timed} Seitentypen",
        "message": _message + _VITALS_CAUSE + _VITALS_SITE,
        "recommendation": _fix,
    }

_PAGES = "[[{page}]][[{pages} Seiten ({scope})]]"
_MORE = "[[ Dasselbe gilt für {more} weitere Ressourcen dieser Art, je eine pro Seite, auf {pages} Seiten ({scope}).]]"
_WEIGHT_FIX = "Beginnen Sie mit den schwersten Ressourcen: Bilder in einem modernen Format in der angezeigten Größe, komprimierter Text und keine Skripte, die die Seite nicht braucht."
_COMPRESS_FIX = "Schalten Sie gzip oder Brotli für Textformate (HTML, CSS, JS, JSON, SVG) auf dem Server oder im CDN ein."
_COMPRESS_ALL_FIX = "Schalten Sie gzip oder Brotli für Textformate (HTML, CSS, JS, JSON, SVG) auf dem Server oder im CDN ein: Eine Einstellung behebt alles."
FINDINGS.update(
    {
        "performance.page-weight.bytes": {
            "title": "Seite über ihrem Budget für Bytes auf [[{page}]]",
            "message": "{page} hat {value_fmt} übertragen; das Budget für {template} beträgt {budget_fmt}. Am schwersten: {heaviest}.",
            "recommendation": "Beginnen Sie mit den schwersten Ressourcen: Bilder in einem modernen Format in der angezeigten Größe, komprimierter Text und keine Skripte, die die Seite nicht braucht.",
        },
        "performance.page-weight.requests": {
            "title": "Seite über ihrem Budget für Anfragen",
            "message": "{page} hat {value_fmt} Anfragen gestellt; das Budget für {template} beträgt {budget_fmt}. Am schwersten: {heaviest}.",
            "recommendation": _WEIGHT_FIX,
        },
        "performance.render-blocking.script": {
            "title": "Renderblockierendes Skript {resource_short}",
            "message": "Das Skript {resource} im Kopf blockiert das erste Zeichnen von "
            + _PAGES
            + "[[, es brauchte {took_ms} ms zum Laden]]. Bis es geladen und ausgeführt ist, sieht die Kundschaft eine leere Seite."
            + _MORE,
            "recommendation": "Ergänzen Sie defer (oder async für unabhängige Tags), oder laden Sie es nach der Seite.",
        },
        "performance.render-blocking.stylesheet": {
            "title": "Renderblockierendes Stylesheet {resource_short}",
            "message": "Das Stylesheet {resource} im Kopf blockiert das erste Zeichnen von "
            + _PAGES
            + "[[, es brauchte {took_ms} ms zum Laden]]. Bis es geladen ist, sieht die Kundschaft eine leere Seite."
            + _MORE,
            "recommendation": "Setzen Sie das CSS, das der erste Bildschirm braucht, inline und laden Sie den Rest, ohne zu blockieren.",
        },
        "performance.image-sizes.one": {
            "title": "Übergroßes Bild {resource_short}",
            "message": "{resource} hat {natural} Pixel, wird aber auf "
            + _PAGES
            + " in {displayed} angezeigt: etwa {wasted_fmt} seiner {bytes_fmt} werden umsonst geladen."
            + _MORE,
            "recommendation": "Liefern Sie es in der angezeigten Größe aus (srcset/sizes für mehrere Bildschirme), als WebP oder AVIF.",
        },
        "performance.compression.document": {
            "title": "HTML-Seiten ohne Komprimierung gesendet",
            "message": "Der Server sendet das HTML von "
            + _PAGES
            + " ohne Komprimierung (z. B. {resource}, {bytes_fmt}); gzip oder Brotli würden es typischerweise auf ein Drittel verkleinern."
            + _MORE,
            "recommendation": _COMPRESS_FIX,
        },
        "performance.compression.file": {
            "title": "Nicht komprimiert: {resource_short}",
            "message": "{resource} ({type}, {bytes_fmt}) wird auf "
            + _PAGES
            + " ohne Komprimierung gesendet; gzip oder Brotli würden es typischerweise auf ein Drittel verkleinern."
            + _MORE,
            "recommendation": _COMPRESS_FIX,
        },
        "performance.compression.group-pages": {
            "title": "HTML-Seiten ohne Komprimierung gesendet",
            "message": "Der Server {host} sendet das HTML von "
            + _PAGES
            + " ohne Komprimierung; gzip oder Brotli würden es typischerweise auf ein Drittel verkleinern.",
            "recommendation": _COMPRESS_ALL_FIX,
        },
        "performance.compression.group-files": {
            "title": "Skripte und Stylesheets ohne Komprimierung gesendet",
            "message": "Der Server {host} sendet {files} Textdateien, die die Seiten laden (z. B. {examples}), ohne Komprimierung; gzip oder Brotli würden sie typischerweise auf ein Drittel verkleinern.",
            "recommendation": _COMPRESS_ALL_FIX,
        },
        "performance.compression.group-both": {
            "title": "HTML, Skripte und Stylesheets ohne Komprimierung gesendet",
            "message": "Der Server {host} sendet das HTML von "
            + _PAGES
            + " und {files} Textdateien, die die Seiten laden (z. B. {examples}), ohne Komprimierung; gzip oder Brotli würden sie typischerweise auf ein Drittel verkleinern.",
            "recommendation": _COMPRESS_ALL_FIX,
        },
        "performance.caching.one": {
            "title": "Nicht cachebar: {resource_short}",
            "message": "{resource} ({type}, {bytes_fmt}) {problem}, wird also auf jeder Seite eines Besuchs neu geladen ("
            + _PAGES
            + ")."
            + _MORE,
            "recommendation": "Senden Sie Cache-Control: public, max-age=31536000 mit versionierten Dateinamen (app.3f9a.js), oder wenigstens ein max-age und ein ETag.",
        },
    }
)
