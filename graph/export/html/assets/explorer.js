// policygraph explorer, core: the page's data, the details panel and moving to a document, on
// top of the pyvis page's `network`, `nodes` and `edges`. filters.js, search.js, overview.js and
// timeline.js add to window.PG; PG.start() (last) draws. Every text goes into the page through
// textContent, never innerHTML, so a hostile title or evidence sentence stays text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var PG = window.PG = {data: data, byId: data.nodes, overview: null};
  var relWords = {};
  data.legend.relations.forEach(function (r) { relWords[r.key] = r.label; });
  PG.relationLabel = function (rel) { return relWords[rel] || rel; };
  PG.nameOf = function (id) { return (PG.byId[id] || {}).name || id; };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  PG.el = el;

  // --- moving to a document ----------------------------------------------------------------
  // A document on this page is selected, centred and shown in the panel; on the overview its
  // group is opened first; one that is not here opens its cascade page or its text.
  PG.goTo = function (id) {
    if (!nodes.get(id) && PG.overview) PG.overview.reveal(id);
    if (nodes.get(id)) {
      if (nodes.get(id).hidden) nodes.update({id: id, hidden: false});
      network.selectNodes([id]);
      network.focus(id, {scale: Math.max(network.getScale(), 0.9), animation: false});
      PG.showPanel(id);
      return true;
    }
    var d = PG.byId[id];
    if (d && (d.link || d.view)) { window.location.href = d.link || d.view; return true; }
    return false;
  };

  function docLink(id, name) {
    var a = el("a", name, "pg-doc");
    a.href = "#";
    a.setAttribute("data-id", id);
    a.addEventListener("click", function (ev) { ev.preventDefault(); PG.goTo(id); });
    return a;
  }
  PG.docLink = docLink;

  // --- details panel -----------------------------------------------------------------------
  var panel = document.getElementById("pg-panel");
  var LONG = 20;  // a longer list shows its first LONG and a button for the rest

  function row(dl, k, v) {
    if (v === undefined || v === null || v === "" || (v.length === 0)) return;
    dl.appendChild(el("dt", k));
    dl.appendChild(el("dd", Array.isArray(v) ? v.join("、") : v));
  }

  function edgeList(title, items) {
    if (!items || !items.length) return;
    panel.appendChild(el("h2", title + " (" + items.length + ")"));
    var ul = el("ul");
    function add(from, to) {
      items.slice(from, to).forEach(function (c) {
        var li = el("li");
        li.appendChild(el("span", PG.relationLabel(c.relation), "pg-tag rel-" + c.relation));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(docLink(c.id, PG.nameOf(c.id)));
        if (c.evidence) li.appendChild(el("div", c.evidence, "pg-evidence"));
        if (c.reason) li.appendChild(el("div", "依据 reason: " + c.reason, "pg-reason"));
        ul.appendChild(li);
      });
    }
    add(0, LONG);
    panel.appendChild(ul);
    if (items.length > LONG) {
      var more = el("button", "显示全部 show all " + items.length, "pg-more");
      more.addEventListener("click", function () { add(LONG, items.length); more.remove(); });
      panel.appendChild(more);
    }
  }

  function comparisons(d) {
    (d.comparisons || []).forEach(function (c) {
      var h = el("h2", "对照 vs ");
      h.appendChild(docLink(c.parent, c.parentName));
      if (c.via === "probable") h.appendChild(document.createTextNode("（经疑似关系）"));
      panel.appendChild(h);
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
        var ul = el("ul");
        c.changes.forEach(function (ch) {
          var li = el("li"); li.appendChild(el("span", ch.direction, "pg-tag " + ch.direction));
          li.appendChild(document.createTextNode(" " + ch.text)); ul.appendChild(li);
        });
        panel.appendChild(ul);
      }
      panel.appendChild(el("div", "文本沿用 text reuse: " + Math.round(c.reuse * 1000) / 10 + "%", "pg-evidence"));
    });
  }

  function facts(d) {
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
    row(dl, "来源", d.kind === "cited" || d.kind === "title" ? "仅被引用（语料外） cited only" : d.sources);
    return dl;
  }

  function showPanel(id) {
    var d = PG.byId[id];
    if (!d) { if (PG.overview) PG.overview.showGroup(id, panel); return; }
    panel.className = "";
    panel.textContent = "";
    panel.setAttribute("data-node", id);
    panel.appendChild(el("div", d.name, "pg-title"));
    var acts = el("div", null, "pg-actions");
    if (d.view) { var v = el("a", "阅读全文 read the text", "pg-view"); v.href = d.view; acts.appendChild(v); }
    if (d.link) { var a = el("a", "传导链页面 cascade page", "pg-cascade"); a.href = d.link; acts.appendChild(a); }
    if (acts.childNodes.length) panel.appendChild(acts);
    panel.appendChild(facts(d));
    if (d.previousVersion) {
      var p = el("div", "前一版本 previous version: ");
      p.appendChild(docLink(d.previousVersion, d.previousVersionName || d.previousVersion));
      panel.appendChild(p);
    }
    edgeList("引用 Cites", d.cites);
    edgeList("被引用 Cited by", d.citedBy);
    comparisons(d);
    if (d.measures && d.measures.length) {
      panel.appendChild(el("h2", "政策工具 Measures"));
      var p2 = el("div");
      d.measures.forEach(function (t) { p2.appendChild(el("span", t, "pg-tag")); });
      panel.appendChild(p2);
    }
  }
  PG.showPanel = showPanel;
  PG.panel = panel;

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) {
      var id = params.nodes[0];
      if (PG.overview && PG.overview.isGroup(id)) PG.overview.toggle(id);
      PG.showPanel(id);
    }
  });

  PG.start = function () {
    if (PG.applyFilters) PG.applyFilters();
    network.once("afterDrawing", function () {
      window.pgStableAt = performance.now();
      document.body.setAttribute("data-pg-stable", "true");
    });
    network.redraw();
  };
})();
