"""Lighthouse's log-normal metric scores and weighted page score, on known points."""

import math
from statistics import NormalDist

import pytest

from checks.performance.scoring import CONTROL_POINTS, Curve, log_normal_score, page_score

DESKTOP = CONTROL_POINTS["desktop"]


@pytest.mark.parametrize("profile", ["desktop", "mobile"])
@pytest.mark.parametrize("metric", ["fcp_ms", "si_ms", "lcp_ms", "tbt_ms", "cls"])
def test_control_points_score_090_and_050(profile, metric):
    curve = CONTROL_POINTS[profile][metric]
    assert log_normal_score(curve, curve.p10) == pytest.approx(0.9, abs=1e-9)
    assert log_normal_score(curve, curve.median) == pytest.approx(0.5, abs=1e-9)


def test_scores_fall_with_the_value_and_stay_in_their_band():
    lcp = DESKTOP["lcp_ms"]
    values = [0, 500, 1200, 1800, 2400, 4000, 10_000, 60_000]
    scores = [log_normal_score(lcp, v) for v in values]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0
    # just past a control point the score drops into the next band, never stays at 0.9
    assert log_normal_score(lcp, 1201) < 0.9 and log_normal_score(lcp, 2401) < 0.5


@pytest.mark.parametrize("value", [700, 1800, 3100, 5000])
def test_matches_the_textbook_log_normal_with_the_same_control_points(value):
    """Cross-check with the usual parameterisation: mu = ln(median), and sigma such
    that p10 lies 1.2816 standard deviations below it (the 10th percentile)."""
    lcp = DESKTOP["lcp_ms"]
    sigma = (math.log(lcp.median) - math.log(lcp.p10)) / NormalDist().inv_cdf(0.9)
    expected = 1 - NormalDist(math.log(lcp.median), sigma).cdf(math.log(value))
    assert log_normal_score(lcp, value) == pytest.approx(expected, abs=1e-9)


def test_bad_control_points_are_refused():
    with pytest.raises(ValueError, match="p10"):
        log_normal_score(Curve(3000, 1000), 500)


def test_page_score_weights_the_metrics_and_skips_missing_ones():
    good = {"fcp_ms": 500, "si_ms": 700, "lcp_ms": 600, "tbt_ms": 0, "cls": 0.0}
    assert page_score(good) > 98
    slow_lcp = {**good, "lcp_ms": 6000}
    # LCP weighs 25 of 100: a failing LCP costs about a quarter of the score
    assert 70 < page_score(slow_lcp) < 78
    # unmeasured Speed Index: the other weights are renormalised
    no_si = {k: v for k, v in slow_lcp.items() if k != "si_ms"}
    assert page_score(no_si) < page_score(slow_lcp)
    assert page_score({}) is None
    assert page_score({"lcp_ms": math.nan, "cls": None}) is None


def test_mobile_is_more_lenient_than_desktop_for_the_same_figures():
    metrics = {"fcp_ms": 1500, "si_ms": 2500, "lcp_ms": 2600, "tbt_ms": 250, "cls": 0.05}
    assert page_score(metrics, "mobile") > page_score(metrics, "desktop")
