"""Progress lines in a CI log: the link map's HTTP reads show, so a long map is not
minutes of silence (issue: reliability, long work shows progress)."""

from __future__ import annotations

import io

from auditor.events import EventBus
from auditor.progress import _Lines, attach_progress


def test_lines_count_pages_read_for_the_link_map():
    out = io.StringIO()
    view = _Lines(out, every=0.0)
    view.page(None, queued=3, done=150, failed=31)
    view.mapped_page(None, mapped=2345)
    lines = out.getvalue().splitlines()
    assert "150 pages done, 3 queued, 31 errors" in lines[0]
    assert "link map" not in lines[0]
    assert lines[1].endswith("2345 read for the link map")


def test_the_link_map_event_reaches_the_progress_view():
    out = io.StringIO()
    events = EventBus()
    attach_progress(events, "lines", out)
    events.emit("page_mapped", page=None, mapped=7)
    events.emit("run_finished", results={})
    assert "7 read for the link map" in out.getvalue()
