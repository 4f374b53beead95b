"""The search checks record every search they judged in their details, so that a search
that passed still shows its figures in the report (the Search section's table and the
speed strip), not only the searches that produced a finding."""

from checks.search import SearchResults, SearchSpeed, SearchTolerance

from .test_search_checks import run, searches, site


def test_results_records_each_search_also_when_all_pass():
    check = SearchResults()
    data = searches(
        run("product", "Red Kettle", expected="/p/red-kettle", rank=1, shown=12),
        run("product", "Blue Kettle", expected="/p/blue-kettle", rank=2, shown=7),
    )
    assert check.evaluate([], site(data)) == []  # nothing wrong: no finding
    runs = check.details["runs"]
    assert [(r["query"], r["rank"], r["shown"], r["zero"]) for r in runs] == [
        ("Red Kettle", 1, 12, False),
        ("Blue Kettle", 2, 7, False),
    ]
    assert all(r["stated"] is True and r["ms"] == 200.0 for r in runs)


def test_results_cut_long_queries_and_keep_plain_values():
    check = SearchResults()
    long = "x" * 500
    check.evaluate([], site(searches(run("product", long, expected="/p/x", rank=1))))
    (r,) = check.details["runs"]
    assert r["query"] == "x" * 80
    assert all(isinstance(v, str | int | float | bool | type(None)) for v in r.values())


def test_tolerance_records_variants_that_found_too():
    check = SearchTolerance()
    data = searches(
        run("variant", "Rde Kettle", kind="swap", base="Red Kettle", zero_page=True),
        run("variant", "Red Kettles", kind="plural", base="Red Kettle"),
    )
    check.evaluate([], site(data))
    assert check.details["runs"] == [
        {"base": "Red Kettle", "query": "Rde Kettle", "kind": "swap", "found": False},
        {"base": "Red Kettle", "query": "Red Kettles", "kind": "plural", "found": True},
    ]


def test_speed_records_every_answer_time_also_when_fast():
    check = SearchSpeed()
    fast = searches(*(run("product", f"q{i}", ms=300.0 + 10 * i) for i in range(4)))
    assert check.evaluate([], site(fast)) == []
    assert check.details["times_ms"] == [300.0, 310.0, 320.0, 330.0]
    assert check.details["max_ms"] == 330.0
