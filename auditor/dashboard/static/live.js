// The live page: server-sent events from /events replace the figures as pages finish.
// New or finished audits redraw the list (rendered and escaped by the server); otherwise
// only the figures' text changes, so the page does not jump.
(function () {
  "use strict";
  var box = document.getElementById("live");
  var state = document.getElementById("live-state");
  if (!box || !window.EventSource) { return; }
  var site = box.getAttribute("data-site");
  var source = new EventSource("/events" + (site ? "?site=" + encodeURIComponent(site) : ""));
  var keys = null;
  function same(a, b) { return a !== null && a.join(" ") === b.join(" "); }
  source.addEventListener("live", function (event) {
    var data = JSON.parse(event.data);
    var running = data.rows.filter(function (r) { return r.running; });
    var now = data.rows.map(function (r) { return r.key + ":" + r.state; });
    if (!same(keys, now)) {
      box.innerHTML = data.html;
    } else {
      running.forEach(function (r) {
        var card = box.querySelector('[data-key="' + r.key + '"]');
        if (!card) { return; }
        ["stage", "pages_done", "pages_failed", "queued", "rate", "templates", "lcp", "elapsed", "last_url"].forEach(function (f) {
          var el = card.querySelector('[data-field="' + f + '"]');
          if (el) { el.textContent = String(r[f]); }
        });
        var bar = card.querySelector('[data-field="bar"]');
        if (bar) { bar.max = Math.max(r.total, 1); bar.value = r.pages_done; bar.textContent = String(r.pages_done); }
      });
    }
    keys = now;
    state.textContent = running.length ? "Live: " + running.length + " running." : "Live: none running.";
  });
  source.onerror = function () { state.textContent = "Connection lost; retrying…"; };
})();
