/* hallq console: the live hall. htmx's WebSocket extension (vendored, static/vendor) keeps the
   connection to /console/events, reconnects, and swaps in the panels the server renders after
   every event. This script adds what is this page's own: the durations count up every second
   (from the server's clock), a supervisor choosing a pause reason is not interrupted (the swap
   waits until the form is left), the status pill, and the log-in page when the session ends. */
(function () {
  "use strict";
  var live = document.getElementById("live");
  var pill = document.getElementById("live-status");
  if (!live || !window.htmx) { return; }
  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var offset = 0;  // server clock minus browser clock, from each message's data-at
  var pending = null;  // a message held while the supervisor is busy
  window.hallqLive = { seq: -1, received: 0, swaps: 0 };  // tests and the bench read this

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function duration(s) {
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    if (zh) { return h ? h + "小时" + pad(m) + "分" : m ? m + "分" + pad(sec) + "秒" : sec + "秒"; }
    return h ? h + " h " + pad(m) + " min" : m ? m + " min " + pad(sec) + " s" : sec + " s";
  }
  function tick() {
    var now = Date.now() + offset;
    var items = live.querySelectorAll("[data-since]");
    for (var i = 0; i < items.length; i++) {
      var since = Date.parse(items[i].getAttribute("data-since"));
      if (isNaN(since)) { continue; }
      var s = Math.max(0, Math.round((now - since) / 1000));
      s = Math.max(s, parseInt(items[i].getAttribute("data-min") || "0", 10));
      items[i].textContent = duration(s);
    }
  }
  function busy() {
    var active = document.activeElement;
    return live.querySelector("details[open]") !== null ||
      (active && active !== document.body && live.contains(active) &&
       (active.tagName === "SELECT" || active.tagName === "INPUT"));
  }
  function swapped() {  // after htmx (or a held message) put new panels in
    var meta = document.getElementById("live-meta");
    if (meta) {
      var at = Date.parse(meta.getAttribute("data-at"));
      if (!isNaN(at)) { offset = at - Date.now(); }
      window.hallqLive.seq = parseInt(meta.getAttribute("data-seq"), 10);
    }
    window.hallqLive.received = performance.now();
    window.hallqLive.swaps += 1;
    tick();
    if (window.hallqLive.onswap) { window.hallqLive.onswap(); }
  }
  function release() {  // the supervisor left the form: the newest held panels now
    if (pending === null || busy()) { return; }
    var fragment = new DOMParser().parseFromString(pending, "text/html").getElementById("live");
    pending = null;
    if (fragment) {
      htmx.swap(live, fragment.innerHTML, { swapStyle: "innerHTML" });
      swapped();
    }
  }
  function status(online) {
    if (!pill) { return; }
    pill.className = "pill " + (online ? "online" : "offline");
    pill.textContent = pill.getAttribute(online ? "data-online" : "data-offline");
  }
  live.addEventListener("htmx:wsBeforeMessage", function (event) {
    if (busy()) { pending = event.detail.message; event.preventDefault(); }
  });
  live.addEventListener("htmx:wsAfterMessage", swapped);
  live.addEventListener("htmx:wsOpen", function () { status(true); });
  live.addEventListener("htmx:wsClose", function (event) {
    status(false);
    if (event.detail.event.code === 4401) { location.href = "/console/login?next=/console"; }
  });
  document.addEventListener("focusout", function () { setTimeout(release, 0); });
  live.addEventListener("toggle", release, true);
  setInterval(tick, 1000);
  tick();
})();
