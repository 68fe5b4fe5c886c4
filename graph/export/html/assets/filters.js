// policygraph explorer, filters: the legend doubles as level and relation filters, then
// province and city, issuer, rank, validity, measure and a year range with undated documents
// as a choice of their own. A filter is one pass over the documents' data (no DOM reads per
// document) and updates only the nodes and edges whose visibility changes.
(function () {
  "use strict";
  var PG = window.PG, data = PG.data, el = PG.el;
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
    fill(s, options);
    filters.appendChild(s);
    return s;
  }
  function fill(s, options) {
    s.textContent = "";
    var all = el("option", "（全部 all）"); all.value = ""; s.appendChild(all);
    options.forEach(function (o) { var op = el("option", o.label); op.value = o.key; s.appendChild(op); });
  }
  function plain(list) { return list.map(function (p) { return {key: p, label: p}; }); }
  var province = select("pg-province", "地区 Province", plain(data.provinces));
  var city = select("pg-city", "城市 City", []);
  filters.appendChild(el("h2", "发文机关 Issuer"));
  var issuer = el("input"); issuer.type = "search"; issuer.id = "pg-issuer"; issuer.placeholder = "机关名称 issuer";
  issuer.setAttribute("list", "pg-issuers");
  var issuers = el("datalist"); issuers.id = "pg-issuers";
  (data.issuers || []).forEach(function (i) { var o = el("option"); o.value = i; issuers.appendChild(o); });
  filters.appendChild(issuer); filters.appendChild(issuers);
  var rank = select("pg-rank", "效力级别 Rank", data.ranks || []);
  var validity = select("pg-validity", "时效性 Validity", data.validities || []);
  var measure = select("pg-measure", "政策工具 Measure", data.measures);
  filters.appendChild(el("h2", "年份 Year"));
  var y0 = el("input"); y0.type = "number"; y0.id = "pg-year-from"; y0.value = data.years[0] || "";
  var y1 = el("input"); y1.type = "number"; y1.id = "pg-year-to"; y1.value = data.years[1] || "";
  filters.appendChild(y0); filters.appendChild(y1);
  var undatedLab = el("label");
  var undated = el("input"); undated.type = "checkbox"; undated.checked = true; undated.id = "pg-undated";
  undatedLab.appendChild(undated); undatedLab.appendChild(document.createTextNode("无日期 undated"));
  filters.appendChild(undatedLab);
  if (data.links && data.links.length) {
    filters.appendChild(el("h2", "传导链页面 Cascades"));
    var ul = el("ul");
    data.links.forEach(function (l) {
      var li = el("li"); var a = el("a", l.label); a.href = l.href; li.appendChild(a);
      if (l.count) li.appendChild(el("span", " " + l.count, "pg-count"));
      ul.appendChild(li);
    });
    filters.appendChild(ul);
  }
  province.addEventListener("change", function () { fill(city, plain((data.cities || {})[province.value] || [])); });

  function checked(cls) {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll("input." + cls), function (b) { out[b.value] = b.checked; });
    return out;
  }

  // The test each document must pass, from the filters' state now; with `byMeasure`, that it
  // inherits or adds the measure chosen (a page of documents asks it of edges instead).
  function nodeTest(byMeasure) {
    var levels = checked("pg-level");
    var prov = province.value, ci = city.value, rk = rank.value, va = validity.value;
    var m = byMeasure ? measure.value : "";
    var who = issuer.value.trim(), from = parseInt(y0.value, 10), to = parseInt(y1.value, 10);
    var keepUndated = undated.checked;
    return function (d) {
      if (levels[d.level || "unknown"] === false) return false;
      if (prov && d.province !== prov) return false;
      if (ci && d.city !== ci) return false;
      if (rk && d.rank !== rk) return false;
      if (va && d.validity !== va) return false;
      if (who && (!d.issuers || d.issuers.indexOf(who) < 0)) return false;
      if (m && (!d.measureKeys || d.measureKeys.indexOf(m) < 0)) return false;
      if (!d.year) return keepUndated;
      if (!isNaN(from) && d.year < from) return false;
      if (!isNaN(to) && d.year > to) return false;
      return true;
    };
  }
  PG.nodeTest = nodeTest;
  PG.relations = function () { return checked("pg-relation"); };
  PG.measure = function () { return measure.value; };

  // Show what passes: on the overview, the groups' counts; on a page of documents, the nodes.
  PG.applyFilters = function () {
    var t0 = performance.now();
    var test = nodeTest(!!PG.overview), rels = checked("pg-relation"), m = measure.value;
    var shown = 0, total = 0;
    if (PG.overview) {
      var counts = PG.overview.filter(test, rels);
      shown = counts[0]; total = counts[1];
    } else {
      var show = {}, nodeUpdates = [], edgeUpdates = [], keep = {};
      nodes.get({fields: ["id", "hidden"]}).forEach(function (n) {
        var ok = test(PG.byId[n.id] || {});
        show[n.id] = ok;
      });
      edges.get({fields: ["id", "from", "to", "relation", "measures", "hidden"]}).forEach(function (e) {
        var ok = rels[e.relation] !== false && show[e.from] && show[e.to];
        if (ok && m) ok = (e.measures || []).indexOf(m) >= 0;
        if (ok && m) { keep[e.from] = true; keep[e.to] = true; }
        if (!!e.hidden !== !ok) edgeUpdates.push({id: e.id, hidden: !ok});
      });
      nodes.get({fields: ["id", "hidden"]}).forEach(function (n) {
        var ok = show[n.id] && (!m || keep[n.id]);  // with a measure, the documents its edges join
        total += 1; shown += ok ? 1 : 0;
        if (!!n.hidden !== !ok) nodeUpdates.push({id: n.id, hidden: !ok});
      });
      if (nodeUpdates.length) nodes.update(nodeUpdates);
      if (edgeUpdates.length) edges.update(edgeUpdates);
    }
    document.getElementById("pg-visible").textContent = shown + " / " + total;
    window.pgLastFilterMs = performance.now() - t0;
  };
  Array.prototype.forEach.call(filters.querySelectorAll("input, select"), function (i) {
    i.addEventListener(i.type === "search" || i.type === "number" ? "input" : "change", PG.applyFilters);
  });
})();
