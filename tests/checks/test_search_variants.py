"""The query variant generator: deterministic, each variant one customer's way of typing."""

from checks.search.variants import Variant, variants


def kinds(query, **kw):
    return {v.kind: v.query for v in variants(query, **kw)}


def test_english_product_name():
    got = kinds("Alpine Shell Jacket")
    assert got == {
        # the longest word (the first of equals) gets the typo
        "swap": "Alipne Shell Jacket",
        "drop": "Alpne Shell Jacket",
        "plural": "Alpine Shell Jackets",
        "case": "alpine shell jacket",
    }


def test_misspellings_touch_the_longest_word_and_keep_the_first_letter():
    for v in variants("Headlamp"):
        if v.kind in ("swap", "drop"):
            assert v.query[0] == "H" and v.query != "Headlamp"
            assert sorted(v.query) == sorted("Headlamp") or len(v.query) == len("Headlamp") - 1
    # one of a doubled letter is never the one dropped: "Ketle" reads as no typo at all
    assert kinds("Kettle")["drop"] == "Kette"
    assert kinds("Sleeping")["drop"] == "Sleeing"


def test_short_words_get_no_misspelling():
    got = kinds("Cap")
    assert "swap" not in got and "drop" not in got
    assert got["plural"] == "Caps"


def test_english_plural_rules_both_ways():
    assert kinds("Running Shoes")["singular"] == "Running Shoe"
    assert kinds("Battery")["plural"] == "Batteries"
    assert kinds("Batteries")["singular"] == "Battery"
    assert kinds("Torch")["plural"] == "Torches"
    assert kinds("Boxes")["singular"] == "Box"


def test_german_plural_basics():
    assert kinds("Wanderjacke", lang="de")["plural"] == "Wanderjacken"
    assert kinds("Daunenjacken", lang="de-DE")["singular"] == "Daunenjacke"
    assert kinds("Zelt", lang="de")["plural"] == "Zelte"


def test_umlauts_and_sharp_s_written_out():
    assert kinds("Fjäll Tent")["umlaut"] == "Fjaell Tent"
    assert kinds("Größe Übergang")["umlaut"] == "Groesse Uebergang"
    assert "umlaut" not in kinds("Alpine Tent")


def test_case_goes_the_other_way():
    assert kinds("tent")["case"] == "TENT"
    assert kinds("Tent")["case"] == "tent"


def test_synonyms_from_the_config_both_directions():
    syn = {"jacket": ["coat", "parka"]}
    got = [v for v in variants("Alpine Shell Jacket", synonyms=syn) if v.kind == "synonym"]
    assert [v.query for v in got] == ["Alpine Shell coat", "Alpine Shell parka"]
    back = [v.query for v in variants("Winter Coat", synonyms=syn) if v.kind == "synonym"]
    assert back == ["Winter jacket"]
    # a whole word only: "jacketed" is not "jacket"
    assert not [v for v in variants("jacketed potato", synonyms=syn) if v.kind == "synonym"]


def test_deterministic_and_never_the_query_itself():
    a = variants("Glacier Down Parka", lang="en", synonyms={"parka": ["anorak"]})
    b = variants("Glacier Down Parka", lang="en", synonyms={"parka": ["anorak"]})
    assert a == b
    assert all(isinstance(v, Variant) and v.query != "Glacier Down Parka" for v in a)
    assert len({v.query for v in a}) == len(a)


def test_numbers_only_get_the_case_variant():
    assert kinds("NW-1001") == {"case": "nw-1001"}
