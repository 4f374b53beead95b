"""The history store: recording results.json files, trends, migrations, concurrency."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from auditor.history import (
    SCHEMA_VERSION,
    HistoryError,
    open_store,
    site_trend,
    status_of,
    trend_points,
)

from .helpers import finding, results, write


def test_three_runs_read_back_as_a_trend_with_new_and_fixed(tmp_path):
    clean = results("2026-01-01T10:00:00Z", 100.0)
    broken = results(
        "2026-01-02T10:00:00Z", 60.0, [finding("aaa", url="/p/1"), finding("bbb", "minor")]
    )
    again = results("2026-01-03T10:00:00Z", 97.0, [finding("bbb", "minor")])
    with open_store(tmp_path / "h.sqlite") as store:
        for i, data in enumerate((clean, broken, again)):
            run_id, new = store.add_results(write(tmp_path / f"r{i}", data))
            assert new and run_id == i + 1
        trend = site_trend(store, "http://shop.test")
    runs = trend["runs"]
    assert [r["score"] for r in runs] == [100.0, 60.0, 97.0]
    assert [r["categories"]["navigation"] for r in runs] == [100.0, 60.0, 97.0]
    assert [r["new"] for r in runs] == [None, ["aaa", "bbb"], []]
    assert [r["fixed"] for r in runs] == [None, [], ["aaa"]]
    assert runs[1]["severities"] == {"critical": 0, "serious": 1, "moderate": 0, "minor": 1}
    assert trend["categories"] == ["navigation", "forms"]


def test_a_run_is_recorded_once_and_the_same_site_on_any_path(tmp_path):
    path = write(tmp_path / "a", results("2026-01-01T10:00:00Z", 90.0))
    with open_store(tmp_path / "h.sqlite") as store:
        assert store.add_results(path) == (1, True)
        assert store.add_results(path) == (1, False)
        assert [r["id"] for r in store.runs("http://shop.test/")] == [1]  # by target too
        assert store.sites()[0]["site"] == "http://shop.test"


def test_metrics_per_template_are_medians_and_settings_hash_ignores_places(tmp_path):
    a = results("2026-01-01T10:00:00Z", 90.0)
    b = results("2026-01-02T10:00:00Z", 90.0)
    b["settings"]["output"]["dir"] = "elsewhere"
    c = results("2026-01-03T10:00:00Z", 90.0)
    c["settings"]["crawl"]["max_pages"] = 99
    with open_store(tmp_path / "h.sqlite") as store:
        ids = [
            store.add_results(write(tmp_path / n, d))[0]
            for n, d in zip("abc", (a, b, c), strict=True)
        ]
        metrics = store.template_metrics(ids[:1])[ids[0]]
        hashes = [store.run(i)["settings_hash"] for i in ids]
    assert metrics[("/p/*", "lcp_ms")] == 2000.0 and metrics[("/", "lcp_ms")] == 900.0
    assert hashes[0] == hashes[1] != hashes[2]


def test_trend_points_are_the_last_runs_oldest_first(tmp_path):
    with open_store(tmp_path / "h.sqlite") as store:
        for day in range(1, 6):
            data = results(f"2026-01-0{day}T10:00:00Z", 50.0 + day)
            store.add_results(write(tmp_path / str(day), data))
        points = trend_points(store, "http://shop.test", last=3)
    assert [p["score"] for p in points] == [53.0, 54.0, 55.0]
    assert points[-1]["categories"] == {"navigation": 55.0, "forms": 100.0}


@pytest.mark.parametrize(
    ("cut", "status"),
    [
        (None, "complete"),
        ({"reason": "max_duration", "message": "", "after_s": 1}, "cut_short"),
        ({"reason": "signal", "message": "", "after_s": 1}, "cut_short"),
        ({"reason": "error", "message": "boom", "after_s": 1}, "crashed"),
    ],
)
def test_status_of_a_run(cut, status):
    assert status_of(results("2026-01-01T10:00:00Z", 1.0, cut_short=cut))[0] == status


def test_journeys_are_kept_when_results_have_them(tmp_path):
    journeys = [
        {
            "journey": "checkout",
            "persona": "mobile",
            "effort": {"seconds": 41.5, "low": 33.0, "high": 50.0},
            "steps": [{"wait_ms": 300}, {"wait_ms": 0}, {"wait_ms": 120}],
            "fields": 9,
            "completed": True,
            "stopped": None,
        },
        {
            "journey": "checkout",
            "persona": "keyboard",
            "effort": {"seconds": 60},
            "steps": [{}, {}, {}, {}],
            "completed": False,
            "stopped": {"step": 5, "reason": "the keyboard cannot reach the button"},
        },
    ]
    with open_store(tmp_path / "h.sqlite") as store:
        plain, _ = store.add_results(write(tmp_path / "a", results("2026-01-01T10:00:00Z", 9.0)))
        with_j, _ = store.add_results(
            write(tmp_path / "b", results("2026-01-02T10:00:00Z", 9.0, journeys=journeys))
        )
        rows = store.journeys([plain, with_j])
    assert rows[plain] == []
    by_persona = {r["persona"]: r for r in rows[with_j]}
    assert by_persona["mobile"]["effort_s"] == 41.5 and by_persona["mobile"]["steps"] == 3
    assert by_persona["mobile"]["waits"] == 2 and by_persona["mobile"]["fields"] == 9
    assert by_persona["keyboard"]["completed"] == 0
    assert by_persona["keyboard"]["stopped_at"] == "5"


def test_a_history_of_a_newer_version_is_refused_with_one_line(tmp_path):
    path = tmp_path / "h.sqlite"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(HistoryError) as err:
        open_store(path)
    assert "newer auditor" in str(err.value) and "\n" not in str(err.value)


def test_a_file_that_is_no_history_is_refused(tmp_path):
    path = tmp_path / "h.sqlite"
    path.write_text("not a database at all " * 100)
    with pytest.raises(HistoryError, match="not a history file"):
        open_store(path)


def test_a_new_file_is_migrated_to_the_current_version_in_wal_mode(tmp_path):
    with open_store(tmp_path / "h.sqlite") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [r[0] for r in store.db.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_many_writers_at_once_lose_nothing(tmp_path):
    """Eight threads, each with its own connection, record five runs each into one file
    while a reader reads: every run is there."""
    path = tmp_path / "h.sqlite"
    open_store(path).close()
    files = [
        write(tmp_path / f"w{w}-{i}", results(f"2026-01-0{i + 1}T1{w}:00:00Z", 10.0 * i))
        for w in range(8)
        for i in range(5)
    ]
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer(chunk):
        try:
            with open_store(path) as store:
                for f in chunk:
                    store.add_results(f)
        except BaseException as exc:
            errors.append(exc)

    def reader():
        with open_store(path) as store:
            while not stop.is_set():
                site_trend(store, "http://shop.test")

    threads = [threading.Thread(target=writer, args=(files[w * 5 : w * 5 + 5],)) for w in range(8)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    watcher.join()
    assert errors == []
    with open_store(path) as store:
        assert len(store.runs()) == 40
        assert store.db.execute("SELECT COUNT(*) FROM category_scores").fetchone()[0] == 80
