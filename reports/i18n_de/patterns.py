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
}

PATTERNS: list[tuple[str, str]] = [
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
