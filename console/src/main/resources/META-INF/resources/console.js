// GarageMatch console: the few things a server-rendered page cannot do by itself.
// 1. The unread badge and the inbox list follow the expert's live stream.
// 2. The programme dashboard draws its charts.
(function () {
  "use strict";

  var badge = document.getElementById("unread");
  if (badge && window.EventSource) {
    var count = document.getElementById("unread-count");
    var list = document.getElementById("inbox-items");
    // the server rendered the count; each item the stream brings adds one
    var unread = parseInt(badge.textContent, 10) || 0;
    var show = function () {
      badge.textContent = unread > 0 ? String(unread) : "";
      if (count) count.textContent = String(unread);
    };
    show();
    var stream = new EventSource(badge.getAttribute("data-stream"));
    stream.onmessage = function (event) {
      var item;
      try { item = JSON.parse(event.data); } catch (e) { return; }
      unread += 1;
      show();
      if (list) {
        var li = document.createElement("li");
        li.className = "unread new";
        var a = document.createElement("a");
        a.href = "/matches/" + encodeURIComponent(item.matchId || "");
        a.textContent = item.startupName || "—";
        li.appendChild(a);
        li.appendChild(document.createTextNode(" · " + (item.title || "")));
        list.insertBefore(li, list.firstChild);
        var empty = document.getElementById("inbox-empty");
        if (empty) empty.remove();
      }
    };
  }

  var charts = document.getElementById("charts");
  if (charts) {
    var draw = function () {
      if (!window.Chart) return;
      var data = JSON.parse(charts.getAttribute("data-kpis"));
      var labels = JSON.parse(charts.getAttribute("data-labels"));
      var withTarget = data.items.filter(function (k) { return k.target != null; });
      new window.Chart(document.getElementById("chart-targets"), {
        type: "bar",
        data: {
          labels: withTarget.map(function (k) { return labels[k.name] || k.name; }),
          datasets: [
            { label: labels._value, data: withTarget.map(function (k) { return k.value; }), backgroundColor: "#1c69d4" },
            { label: labels._target, data: withTarget.map(function (k) { return k.target; }), backgroundColor: "#c7d4e8" }
          ]
        },
        options: { responsive: true, animation: false }
      });
      var months = {};
      data.items.forEach(function (k) { (k.byMonth || []).forEach(function (m) { months[m.month] = true; }); });
      var axis = Object.keys(months).sort();
      var palette = ["#1c69d4", "#e96b1c", "#2e9e5b", "#8a4fbf", "#c23b3b", "#0f8b8d", "#6b6b6b"];
      new window.Chart(document.getElementById("chart-months"), {
        type: "line",
        data: {
          labels: axis,
          datasets: data.items.map(function (k, i) {
            var byMonth = {};
            (k.byMonth || []).forEach(function (m) { byMonth[m.month] = m.value; });
            return {
              label: labels[k.name] || k.name,
              data: axis.map(function (m) { return byMonth[m] || 0; }),
              borderColor: palette[i % palette.length],
              backgroundColor: palette[i % palette.length]
            };
          })
        },
        options: { responsive: true, animation: false }
      });
      charts.setAttribute("data-drawn", "true");
    };
    if (window.Chart) draw(); else window.addEventListener("load", draw);
  }
})();
