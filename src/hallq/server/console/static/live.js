/* hallq console: keeps the live hall live. The server renders the panels (one rendering, in
   Jinja); this script receives them from /console/events after every event and swaps them in,
   counts the durations on every second, and reconnects by itself. No library needed. */
(function () {
  "use strict";
  var live = document.getElementById("live");
  var pill = document.getElementById("live-status");
  if (!live || !window.WebSocket) { return; }
  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var offset = 0;  // server clock minus browser clock, from each message's "at"
  var pending = null, delay = 500, socket = null;
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
  function busy() {  // a supervisor choosing a pause reason: do not swap the form away
    var active = document.activeElement;
    return live.querySelector("details[open]") !== null ||
      (active && active !== document.body && live.contains(active) &&
       (active.tagName === "SELECT" || active.tagName === "INPUT"));
  }
  function swap(html) {
    if (busy()) { pending = html; return; }
    pending = null;
    live.innerHTML = html;
    window.hallqLive.swaps += 1;
    tick();
    if (window.hallqLive.onswap) { window.hallqLive.onswap(); }
  }
  function status(online) {
    if (!pill) { return; }
    pill.className = "pill " + (online ? "online" : "offline");
    pill.textContent = pill.getAttribute(online ? "data-online" : "data-offline");
  }
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + live.getAttribute("data-stream"));
    socket.onopen = function () { delay = 500; status(true); };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type !== "live") { return; }
      var at = Date.parse(data.at);
      if (!isNaN(at)) { offset = at - Date.now(); }
      swap(data.html);
      window.hallqLive.seq = data.seq;
      window.hallqLive.received = performance.now();
    };
    socket.onclose = function (event) {
      status(false);
      if (event.code === 4401) { location.href = "/console/login?next=/console"; return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }
  document.addEventListener("focusout", function () {
    setTimeout(function () { if (pending !== null) { swap(pending); } }, 0);
  });
  live.addEventListener("toggle", function () {
    if (pending !== null) { swap(pending); }
  }, true);
  setInterval(tick, 1000);
  tick();
  connect();
})();
