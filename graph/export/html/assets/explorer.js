// policygraph explorer: legend, filters, search and the details panel, on top of the pyvis
// page's `network`, `nodes` and `edges`. Every text goes into the page through textContent,
// never innerHTML, so a hostile title or evidence sentence stays text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var byId = data.nodes;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // --- legend and filters ------------------------------------------------------------------
  var filters = document.getElementById("pg-filters");
  filters.appendChild(el("h2", "层级 Level"));
  data.legend.levels.forEach(function (lv) {
    var lab = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = lv.key;
    box.className = "pg-level"; box.setAttribute("data-testid", "level-" + lv.key);
    var sw = el("span", null, "pg-swatch"); sw.style.background = lv.color;
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(lv.label));
    filters.appendChild(lab);
  });
  var citedLab = el("label");
  citedLab.appendChild(el("span", null, "pg-swatch cited"));
  citedLab.appendChild(document.createTextNode("仅被引用（语料外） cited only"));
  filters.appendChild(citedLab);

  filters.appendChild(el("h2", "关系 Relation"));
  data.legend.relations.forEach(function (r) {
    var lab = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = r.key !== "probably-implements";
    box.value = r.key; box.className = "pg-relation";
    var line = el("span", null, "pg-line" + (r.dashed === true ? " dashed" : r.dashed ? " dashdot" : ""));
    line.style.borderTopColor = r.color;
    lab.appendChild(box); lab.appendChild(line); lab.appendChild(document.createTextNode(r.label));
    filters.appendChild(lab);
  });

  function select(id, title, options) {
    filters.appendChild(el("h2", title));
    var s = el("select"); s.id = id;
    var all = el("option", "（全部 all）"); all.value = ""; s.appendChild(all);
    options.forEach(function (o) { var op = el("option", o.label); op.value = o.key; s.appendChild(op); });
    filters.appendChild(s);
    return s;
  }
  var province = select("pg-province", "地区 Province", data.provinces.map(function (p) { return {key: p, label: p}; }));
  var rank = select("pg-rank", "效力级别 Rank", data.ranks || []);
  var validity = select("pg-validity", "时效性 Validity", data.validities || []);
  var measure = select("pg-measure", "政策工具 Measure", data.measures);
  filters.appendChild(el("h2", "年份 Year"));
  var y0 = el("input"); y0.type = "number"; y0.id = "pg-year-from"; y0.value = data.years[0] || "";
  var y1 = el("input"); y1.type = "number"; y1.id = "pg-year-to"; y1.value = data.years[1] || "";
  filters.appendChild(y0); filters.appendChild(y1);
  if (data.links && data.links.length) {
    filters.appendChild(el("h2", "传导链页面 Cascades"));
    var ul = el("ul");
    data.links.forEach(function (l) {
      var li = el("li"); var a = el("a", l.label); a.href = l.href; li.appendChild(a); ul.appendChild(li);
    });
    filters.appendChild(ul);
  }

  function checked(cls) {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll("input." + cls), function (b) { out[b.value] = b.checked; });
    return out;
  }

  function applyFilters() {
    var levels = checked("pg-level"), rels = checked("pg-relation");
    var prov = province.value, m = measure.value, rk = rank.value, va = validity.value;
    var from = parseInt(y0.value, 10), to = parseInt(y1.value, 10);
    var showNode = {};
    var nodeUpdates = nodes.getIds().map(function (id) {
      var d = byId[id] || {};
      var ok = levels[d.level || "unknown"] !== false;
      if (ok && prov) ok = d.province === prov;
      if (ok && rk) ok = d.rank === rk;
      if (ok && va) ok = d.validity === va;
      if (ok && d.year && !isNaN(from)) ok = d.year >= from;
      if (ok && d.year && !isNaN(to)) ok = d.year <= to;
      showNode[id] = ok;
      return {id: id, hidden: !ok};
    });
    var keep = {};
    var edgeUpdates = edges.get().map(function (e) {
      var ok = rels[e.relation] !== false && showNode[e.from] && showNode[e.to];
      if (ok && m) ok = (e.measures || []).indexOf(m) >= 0;
      if (ok && m) { keep[e.from] = true; keep[e.to] = true; }
      return {id: e.id, hidden: !ok};
    });
    if (m) {  // with a measure chosen, show only the documents its edges join
      nodeUpdates.forEach(function (u) { if (!keep[u.id]) u.hidden = true; });
    }
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    document.getElementById("pg-visible").textContent =
      nodeUpdates.filter(function (u) { return !u.hidden; }).length + " / " + nodeUpdates.length;
  }
  Array.prototype.forEach.call(filters.querySelectorAll("input, select"), function (i) {
    i.addEventListener("change", applyFilters);
  });

  // --- search ------------------------------------------------------------------------------
  // A number in any written variant ([2003], （2003）, 第40号, 國令, spaces) meets its canonical
  // form; a title is compared without punctuation; an exact match beats a beginning, which
  // beats a part of a title.
  function numberKey(s) {
    return s.replace(/\s+/g, "").replace(/[\[［(（〔]/g, "〔").replace(/[\]］)）〕]/g, "〕")
      .replace(/號/g, "号").replace(/〕第/, "〕").replace(/^(?:國|国)令/, "国务院令");
  }
  function titleKey(s) { return (s || "").replace(/[\s、，,·•“”"'《》〈〉「」『』]/g, ""); }
  var search = document.getElementById("pg-search");
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var q = search.value.trim();
    if (!q) return;
    var num = numberKey(q), key = titleKey(q), ids = Object.keys(byId).sort();
    var tests = [
      function (id, d) { return id === q; },
      function (id, d) { return d.number && numberKey(d.number) === num; },
      function (id, d) { return key && (titleKey(d.title) === key || titleKey(d.name) === key); },
      function (id, d) { return key && titleKey(d.title).indexOf(key) === 0; },
      function (id, d) { return key && titleKey(d.title).indexOf(key) >= 0; },
      function (id, d) { return d.number && numberKey(d.number).indexOf(num) >= 0; },
    ];
    var hit = null;
    tests.some(function (t) {
      ids.some(function (id) { if (t(id, byId[id])) { hit = id; return true; } return false; });
      return hit !== null;
    });
    if (hit) {
      network.selectNodes([hit]);
      network.focus(hit, {scale: 1.2, animation: false});
      showPanel(hit);
    }
  });

  // --- details panel -----------------------------------------------------------------------
  var panel = document.getElementById("pg-panel");

  function row(dl, k, v) {
    if (v === undefined || v === null || v === "" || (v.length === 0)) return;
    dl.appendChild(el("dt", k));
    dl.appendChild(el("dd", Array.isArray(v) ? v.join("、") : v));
  }

  function showPanel(id) {
    var d = byId[id];
    if (!d) return;
    panel.className = "";
    panel.textContent = "";
    panel.setAttribute("data-node", id);
    panel.appendChild(el("div", d.name, "pg-title"));
    var dl = el("dl");
    row(dl, "文号", d.number);
    row(dl, "发文机关", d.issuers);
    row(dl, "层级", d.levelLabel);
    row(dl, "效力级别", d.rankLabel);
    row(dl, "地区", d.jurisdiction);
    row(dl, "成文日期", d.date);
    row(dl, "公布日期", d.datePublication);
    row(dl, "施行日期", d.dateInForce);
    row(dl, "时效性", d.validityLabel);
    row(dl, "时效依据", d.validityEvidence);
    row(dl, "版本", d.versionDate ? d.versionDate + (d.versionKind ? " " + d.versionKind : "") : null);
    row(dl, "前一版本", d.previousVersionName);
    row(dl, "来源", d.kind === "cited" || d.kind === "title" ? "仅被引用（语料外）" : d.sources);
    panel.appendChild(dl);
    if (d.cites && d.cites.length) {
      panel.appendChild(el("h2", "引用 Cites (" + d.cites.length + ")"));
      var ul = el("ul");
      d.cites.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("span", c.relationLabel + " ", "pg-tag"));
        li.appendChild(document.createTextNode(c.name));
        if (c.evidence) li.appendChild(el("div", c.evidence, "pg-evidence"));
        if (c.reason) li.appendChild(el("div", c.reason, "pg-evidence"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    if (d.citedBy && d.citedBy.length) {
      panel.appendChild(el("h2", "被引用 Cited by (" + d.citedBy.length + ")"));
      var ul2 = el("ul");
      d.citedBy.forEach(function (c) {
        var li = el("li"); li.appendChild(el("span", c.relationLabel + " ", "pg-tag"));
        li.appendChild(document.createTextNode(c.name)); ul2.appendChild(li);
      });
      panel.appendChild(ul2);
    }
    (d.comparisons || []).forEach(function (c) {
      panel.appendChild(el("h2", "对照 vs " + c.parentName + (c.via === "probable" ? "（经疑似关系）" : "")));
      function tags(label, items, cls) {
        if (!items.length) return;
        var p = el("div"); p.appendChild(el("span", label + "："));
        items.forEach(function (t) { p.appendChild(el("span", t, "pg-tag " + cls)); });
        panel.appendChild(p);
      }
      tags("继承 inherited", c.inherited, "");
      tags("新增 added", c.added, "add");
      tags("删减 dropped", c.dropped, "drop");
      if (c.changes.length) {
        var ul3 = el("ul");
        c.changes.forEach(function (ch) {
          var li = el("li"); li.appendChild(el("span", ch.direction, "pg-tag " + ch.direction));
          li.appendChild(document.createTextNode(" " + ch.text)); ul3.appendChild(li);
        });
        panel.appendChild(ul3);
      }
      panel.appendChild(el("div", "文本沿用 text reuse: " + Math.round(c.reuse * 1000) / 10 + "%", "pg-evidence"));
    });
    if (d.measures && d.measures.length) {
      panel.appendChild(el("h2", "政策工具 Measures"));
      var p2 = el("div");
      d.measures.forEach(function (t) { p2.appendChild(el("span", t, "pg-tag")); });
      panel.appendChild(p2);
    }
    if (d.link) {
      var a = el("a", "打开传导链页面 open this document's cascade"); a.href = d.link;
      panel.appendChild(el("h2", "")); panel.appendChild(a);
    }
  }

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) showPanel(params.nodes[0]);
  });
  applyFilters();
  network.once("afterDrawing", function () {
    window.pgStableAt = performance.now();
    document.body.setAttribute("data-pg-stable", "true");
  });
  network.redraw();
})();
