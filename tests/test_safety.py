"""auditor.safety: text from the shop made safe where it enters the engine."""

import json

from auditor.cli import Duration
from auditor.safety import MAX_STRING, safe_data, safe_text


def test_lone_surrogates_become_replacement_characters():
    assert safe_text("a\ud83db") == "a\ufffdb"
    assert safe_text("\ude00") == "\ufffd"
    # a pair split over two code points is joined again, not replaced
    assert safe_text("\ud83d\ude00") == "\U0001f600"
    safe_text("x\ud83d").encode("utf-8")  # no UnicodeEncodeError


def test_control_characters_go_but_lines_and_tabs_stay():
    assert safe_text("a\x00b\x07c\x1fd") == "abcd"
    assert safe_text("line\nnext\tcol\r") == "line\nnext\tcol\r"


def test_clean_text_is_returned_as_it_is():
    text = "Jacke für 99 € – grün 🌲"
    assert safe_text(text) is text


def test_gigantic_strings_are_cut():
    out = safe_text("x" * (MAX_STRING * 3))
    assert len(out) == MAX_STRING and out.endswith("…")


def test_safe_data_walks_keys_values_and_numbers():
    data = {"t\ud800": ["a\x00", {"n": float("nan"), "i": float("inf"), "ok": 1.5}], "b": b"\xff"}
    out = safe_data(data)
    assert out == {"t\ufffd": ["a", {"n": None, "i": None, "ok": 1.5}], "b": "\ufffd"}
    json.dumps(out, allow_nan=False, ensure_ascii=False).encode("utf-8")


def test_durations_read_as_people_write_them():
    d = Duration()
    assert d.convert("600", None, None) == 600
    assert d.convert("90s", None, None) == 90
    assert d.convert("10m", None, None) == 600
    assert d.convert("1h30m", None, None) == 5400
    assert d.convert("2.5m", None, None) == 150
    for bad in ("", "ten minutes", "10x", "1h30"):
        try:
            d.convert(bad, None, None)
        except Exception as exc:  # click.BadParameter
            assert "duration" in str(exc)
        else:
            raise AssertionError(f"{bad!r} was accepted")
