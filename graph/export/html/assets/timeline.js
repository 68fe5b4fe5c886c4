// policygraph explorer, time: a button puts the page's documents on a time axis (positions from
// timeline.py: x the date, y the level, the root on top) and back on their layers; in the time
// view a year scale is drawn, and the panel says how long after the document it cites each
// document came.
(function () {
  "use strict";
  var PG = window.PG, tl = PG.data.timeline, el = PG.el;
  if (!tl) return;
  var layered = network.getPositions(), onAxis = false;
  var button = el("button", "时间轴 time axis", "pg-time");
  button.id = "pg-time";
  document.getElementById("pg-header").insertBefore(button, document.getElementById("pg-search"));

  function move(to) {
    nodes.update(Object.keys(to).map(function (id) {
      var p = to[id];
      return Array.isArray(p) ? {id: id, x: p[0], y: p[1]} : {id: id, x: p.x, y: p.y};
    }));
  }

  network.on("afterDrawing", function (ctx) {
    if (!onAxis) return;
    var ys = Object.keys(tl.pos).map(function (id) { return tl.pos[id][1]; });
    var top = Math.min.apply(null, ys) - 80, bottom = Math.max.apply(null, ys) + 60;
    ctx.save();
    ctx.strokeStyle = "#cbd2d9"; ctx.fillStyle = "#52606d"; ctx.font = "14px " + (nodes.get()[0].font || {}).face;
    tl.ticks.forEach(function (t) {
      ctx.beginPath(); ctx.moveTo(t[0], top); ctx.lineTo(t[0], bottom); ctx.stroke();
      ctx.fillText(t[1], t[0] + 4, top);
    });
    ctx.fillText("无日期 undated", tl.undatedX - 40, top);
    ctx.restore();
  });

  button.addEventListener("click", function () {
    onAxis = !onAxis;
    move(onAxis ? tl.pos : layered);
    button.textContent = onAxis ? "层级 layers" : "时间轴 time axis";
    document.body.setAttribute("data-pg-view", onAxis ? "time" : "layers");
    network.fit({animation: false});
  });

  // The lag from each cited document to this one, in days, beside the panel's facts.
  var show = PG.showPanel;
  PG.showPanel = function (id) {
    show(id);
    var d = PG.byId[id];
    if (!d || !d.date) return;
    var lags = (d.cites || []).map(function (c) {
      var p = PG.byId[c.id];
      if (!p || !p.date) return null;
      return [c, Math.round((Date.parse(d.date) - Date.parse(p.date)) / 86400000)];
    }).filter(Boolean);
    if (!lags.length) return;
    PG.panel.appendChild(el("h2", "时滞 Lag after the cited document"));
    var ul = el("ul");
    lags.forEach(function (x) {
      var li = el("li", x[1] + " 天 days · ");
      li.appendChild(PG.docLink(x[0].id, PG.nameOf(x[0].id)));
      ul.appendChild(li);
    });
    PG.panel.appendChild(ul);
  };
})();
