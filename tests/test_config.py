from pathlib import Path

import pytest

from auditor.config import Settings, load_settings, settings_to_dict
from auditor.config_example import render_example_config
from auditor.errors import ConfigError
from auditor.plugins import load_checks

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "auditor.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_without_file():
    s = load_settings(None, environ={})
    assert s.crawl.concurrency == 4
    assert s.crawl.respect_robots is True
    assert s.browser.profile == "desktop"


def test_file_overrides_defaults(tmp_path):
    s = load_settings(write(tmp_path, "[crawl]\nmax_pages = 20\npage_timeout = 5\n"), environ={})
    assert s.crawl.max_pages == 20
    assert s.crawl.page_timeout == 5.0 and isinstance(s.crawl.page_timeout, float)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[crawl]\nmax_pagez = 20\n", "unknown key 'crawl.max_pagez'"),
        ("[crawel]\nmax_pages = 20\n", "unknown section '[crawel]'"),
        ("[crawl]\nmax_pages = 'many'\n", "'crawl.max_pages' must be integer"),
        ("[crawl]\nrespect_robots = 1\n", "'crawl.respect_robots' must be true/false"),
        ("[crawl]\nconcurrency = 0\n", "'crawl.concurrency' must be at least 1"),
        ("[crawl]\nexclude = ['(']\n", "'crawl.exclude' has an invalid regular expression"),
        ("[browser]\nprofile = 'tablet'\n", "'browser.profile' must be 'desktop' or 'mobile'"),
        ("[consent]\naction = 'maybe'\n", "'consent.action' must be"),
        ("[gate]\nfail_under = 120\n", "'gate.fail_under' must be between 0 and 100"),
        ("[[login.steps]]\naction = 'dance'\n", "'login.steps[0].action' must be one of"),
        ("[[login.steps]]\naction = 'fill'\nvalue = 'x'\n", "'login.steps[0].selector' is needed"),
        ("[[login.steps]]\naction = 'goto'\nurl = '/'\nwho = 1\n", "'login.steps[0].who'"),
        ("[crawl\n", "not valid TOML"),
    ],
)
def test_bad_config_names_key_and_file(tmp_path, text, needle):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_settings(path, environ={})
    assert needle in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_precedence_defaults_file_environment_flags(tmp_path):
    path = write(tmp_path, "[crawl]\nmax_pages = 20\nconcurrency = 2\nmax_depth = 3\n")
    env = {"AUDITOR_CRAWL__MAX_PAGES": "30", "AUDITOR_CRAWL__CONCURRENCY": "3"}
    s = load_settings(path, {"crawl": {"max_pages": 40}}, environ=env)
    assert (s.crawl.max_pages, s.crawl.concurrency, s.crawl.max_depth) == (40, 3, 3)


def test_environment_errors_name_the_key():
    with pytest.raises(ConfigError, match=r"environment: unknown key 'crawl.speed'"):
        load_settings(None, environ={"AUDITOR_CRAWL__SPEED": "3"})
    s = load_settings(None, environ={"AUDITOR_CHROMIUM": "/opt/chrome/chrome"})
    assert s.browser.executable == "/opt/chrome/chrome"


def test_check_sections_are_validated_against_the_checks_options(tmp_path):
    ok = load_settings(
        write(tmp_path, '[checks."navigation.redirect-chains"]\nmin_hops = 3\nweight = 2\n'),
        environ={},
    )
    chains = {c.id: c for c in load_checks(ok)}["navigation.redirect-chains"]
    assert chains.instance.options["min_hops"] == 3 and chains.weight == 2.0
    for text, needle in [
        ('[checks."navigation.redirect-chains"]\nmin_hopz = 3\n', "min_hopz"),
        ('[checks."navigation.redirect-chains"]\nmin_hops = "3"\n', "must be of type int"),
        ('[checks."navigation.redirect-chains"]\nseverity = "awful"\n', "severity"),
        ('[checks."navigation.nope"]\nenabled = false\n', "unknown check 'navigation.nope'"),
    ]:
        s = load_settings(write(tmp_path, text), environ={})
        with pytest.raises(ConfigError, match=needle):
            load_checks(s)


def test_a_check_can_be_switched_off():
    s = load_settings(None, {"checks": {"navigation.broken-links": {"enabled": False}}}, environ={})
    checks = {c.id: c for c in load_checks(s)}
    assert checks["navigation.broken-links"].enabled is False
    assert checks["navigation.broken-links"].status == "disabled"
    assert checks["navigation.redirect-chains"].enabled is True


def test_secrets_are_removed_from_the_effective_settings():
    s = load_settings(
        None,
        {"login": {"steps": [{"action": "fill", "selector": "#pw", "value": "hunter2"}]}},
        environ={},
    )
    assert "hunter2" not in str(settings_to_dict(s))


def test_config_example_is_in_step_with_the_code():
    """config.example.toml is generated; regenerate with `auditor init --force config.example.toml`."""
    assert (ROOT / "config.example.toml").read_text(encoding="utf-8") == render_example_config()


def test_config_example_loads_and_equals_the_defaults(tmp_path):
    path = write(tmp_path, render_example_config())
    s = load_settings(path, environ={})
    load_checks(s)
    defaults = Settings()
    assert s.crawl == defaults.crawl and s.browser == defaults.browser
    assert s.scoring == defaults.scoring
