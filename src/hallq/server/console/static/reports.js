/* hallq console, reports page: the charts (Chart.js, vendored) and the period picker. */
(function () {
  "use strict";
  var picker = document.getElementById("period");
  function showFields() {
    var custom = picker.value === "custom";
    document.querySelectorAll("#picker .range").forEach(function (el) { el.hidden = !custom; });
    document.querySelectorAll("#picker .anchor").forEach(function (el) { el.hidden = custom; });
  }
  if (picker) { picker.addEventListener("change", showFields); showFields(); }
  if (typeof Chart === "undefined") { return; }
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var words = JSON.parse(document.getElementById("chart-words").textContent);
  var red = "#b3261e", blue = "#2f6fb3", green = "#1b7f4b";
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  function axes(left, right) {
    return { y: { beginAtZero: true, position: "left", ticks: { precision: 0 }, title: { display: true, text: left } },
             y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
                   title: { display: true, text: right } } };
  }
  new Chart(document.getElementById("chart-hour"), {
    data: { labels: data.hours.map(function (h) { return h + ":00"; }), datasets: [
      { type: "bar", label: words.issued, data: data.hour_issued, backgroundColor: blue, yAxisID: "y" },
      { type: "line", label: words.wait, data: data.hour_wait, borderColor: red, backgroundColor: red, yAxisID: "y1" }] },
    options: { maintainAspectRatio: false, scales: axes(words.issued, words.wait) } });
  new Chart(document.getElementById("chart-trend"), {
    data: { labels: data.days, datasets: [
      { type: "line", label: words.issued, data: data.day_issued, borderColor: blue, backgroundColor: blue, yAxisID: "y" },
      { type: "line", label: words.served, data: data.day_served, borderColor: green, backgroundColor: green, yAxisID: "y" },
      { type: "line", label: words.wait, data: data.day_wait, borderColor: red, backgroundColor: red, borderDash: [5, 4], yAxisID: "y1" }] },
    options: { maintainAspectRatio: false, scales: axes(words.issued, words.wait) } });
  new Chart(document.getElementById("chart-ratings"), {
    type: "doughnut",
    data: { labels: words.levels, datasets: [{ data: data.ratings,
      backgroundColor: ["#1b7f4b", "#5aa469", "#c9a227", "#e07b39", "#c62828"] }] },
    options: { maintainAspectRatio: false, plugins: { legend: { position: "right" } } } });
})();
