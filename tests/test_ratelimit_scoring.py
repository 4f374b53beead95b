import email.utils
import time

import pytest

from auditor.model import Finding, merge_findings
from auditor.ratelimit import RECOVER_AFTER, HostLimiter, parse_retry_after
from auditor.scoring import CheckScore, score_categories


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("120") == 120.0
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= parse_retry_after(date, now=now) <= 31
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


async def test_limiter_spaces_requests_per_host():
    limiter = HostLimiter(requests_per_second=20)  # 50 ms apart
    t0 = time.monotonic()
    for _ in range(5):
        await limiter.acquire("a.example")
    assert time.monotonic() - t0 >= 0.19
    t1 = time.monotonic()
    await limiter.acquire("b.example")  # another host is not held back
    assert time.monotonic() - t1 < 0.05


def test_back_off_doubles_the_interval_and_honours_retry_after():
    limiter = HostLimiter(requests_per_second=10, max_retry_after=5)
    assert limiter.back_off("a", 2.0) == 2.0
    assert limiter.interval("a") == 0.2
    assert limiter.back_off("a", 100.0) == 5  # capped
    limiter.set_crawl_delay("b", 3)
    assert limiter.interval("b") == 3


def test_ordinary_answers_bring_a_backed_off_interval_back_but_not_below_the_floor():
    limiter = HostLimiter(requests_per_second=10, max_retry_after=5)
    for _ in range(3):
        limiter.back_off("a", 0.0)
    assert limiter.interval("a") == pytest.approx(0.8)
    for _ in range(RECOVER_AFTER - 1):
        limiter.answered("a")
    assert limiter.interval("a") == pytest.approx(0.8)  # not yet: one 503 blip is not calm
    limiter.answered("a")
    assert limiter.interval("a") == pytest.approx(0.4)
    limiter.back_off("a", 0.0)  # a 429 in between starts the count again
    for _ in range(RECOVER_AFTER - 1):
        limiter.answered("a")
    assert limiter.interval("a") == pytest.approx(0.8)
    for _ in range(5 * RECOVER_AFTER):
        limiter.answered("a")
    assert limiter.interval("a") == pytest.approx(0.1)  # the configured rate, no faster
    limiter.set_crawl_delay("b", 3)
    limiter.back_off("b", 0.0)
    for _ in range(5 * RECOVER_AFTER):
        limiter.answered("b")
    assert limiter.interval("b") == 3  # robots.txt's Crawl-delay holds


def test_a_host_that_keeps_answering_429_stays_slowed_down():
    limiter = HostLimiter(requests_per_second=10, max_retry_after=5)
    for _ in range(20):
        limiter.back_off("a", None)
        for _ in range(RECOVER_AFTER // 2):  # some ordinary answers between the 429s
            limiter.answered("a")
    assert limiter.interval("a") >= 10


def _f(sev, url="https://s.example/a", key="k", check="x.y"):
    return Finding(
        check=check,
        category="navigation",
        severity=sev,
        title="t",
        message="m",
        recommendation="r",
        url=url,
        urls=[url],
        key=key,
    )


def test_same_defect_on_many_pages_is_one_finding():
    merged = merge_findings(
        [_f("moderate", f"https://s.example/p{i}") for i in range(30)]
        + [_f("serious", key="other")]
    )
    assert len(merged) == 2
    assert merged[0].severity == "serious"  # worst first
    assert len(merged[1].urls) == 30


def test_fingerprint_ignores_host_and_port_but_not_check_key_selector():
    a = _f("minor", "http://127.0.0.1:1111/x")
    b = _f("minor", "http://127.0.0.1:2222/x")
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != _f("minor", key="other").fingerprint
    assert a.fingerprint != _f("minor", check="x.z").fingerprint


def test_scores_are_weighted_means_and_unmeasured_categories_do_not_count():
    scores = [
        CheckScore("navigation.a", "navigation", 100.0, 1.0),
        CheckScore("navigation.b", "navigation", 50.0, 3.0),
        CheckScore("forms.a", "forms", None, 1.0),
        CheckScore("search.a", "search", 80.0, 1.0),
    ]
    overall, cats = score_categories(scores, [], {"navigation": 1.0, "search": 3.0, "forms": 1.0})
    assert cats["navigation"]["score"] == 62.5
    assert cats["forms"]["score"] is None and cats["forms"]["summary"] == "Not measured."
    assert overall == round((62.5 + 80 * 3) / 4, 1)
