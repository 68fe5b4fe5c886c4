// policygraph explorer, overview: a large corpus's page draws groups (province × level, with
// counts); a click opens a group in place: its most cited members (overview.py chose them and
// their grid) below it, the groups beside it moved aside, the rows below moved down. Filters
// count each group's matching documents and hide the members that fail.
(function () {
  "use strict";
  var PG = window.PG, ov = PG.data.overview, el = PG.el;
  if (!ov) return;
  var groups = {}, groupOf = {}, open = {}, extra = {};
  ov.groups.forEach(function (g) {
    groups[g.id] = g;
    g.members.forEach(function (id) { groupOf[id] = g.id; });
  });
  var color = {};
  PG.data.legend.levels.forEach(function (l) { color[l.key] = l.color; });
  var relColor = {};
  PG.data.legend.relations.forEach(function (r) { relColor[r.key] = r; });
  var face = (nodes.get(ov.groups[0].id).font || {}).face || "sans-serif";
  var test = function () { return true; }, rels = {}, passing = null;  // passing: group → documents passing

  function shown(g) {
    var ids = g.members.slice(0, ov.cap);
    (extra[g.id] || []).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    return ids;
  }

  // Rows top-down, each group at its column (overview.py), an open one as wide as its grid
  // and the groups right of it moved aside by as much.
  function place() {
    var rows = [], groupPos = {}, memberPos = {}, y = 0;
    ov.groups.forEach(function (g) { (rows[g.row] = rows[g.row] || []).push(g); });
    rows.forEach(function (gs) {
      gs.sort(function (a, b) { return a.col - b.col; });
      var widths = gs.map(function (g) { return open[g.id] ? Math.max(ov.groupGap, (g.cols + 1) * ov.cellX) : ov.groupGap; });
      var aside = 0, height = 0;
      gs.forEach(function (g, i) {
        var cx = (g.col - (ov.columns - 1) / 2) * ov.groupGap + aside;
        aside += widths[i] - ov.groupGap;
        groupPos[g.id] = {x: cx, y: y};
        if (open[g.id]) {  // the grid below the box, from its left edge to the right
          var ids = shown(g), cols = Math.min(g.cols, ids.length);
          ids.forEach(function (id, k) {
            memberPos[id] = {x: cx + (k % cols) * ov.cellX, y: y + 110 + Math.floor(k / cols) * ov.cellY};
          });
          height = Math.max(height, 110 + Math.ceil(ids.length / cols) * ov.cellY);
        }
      });
      y += height + ov.layerGap;
    });
    return {groups: groupPos, members: memberPos};
  }

  function tooltip(d) {
    return [d.name, d.issuers, [d.jurisdiction, d.date].filter(Boolean).join(" · "),
      [d.rankLabel, d.validityLabel].filter(Boolean).join(" · ")].filter(Boolean).join("\n");
  }

  function drawn(id, p) {
    var d = PG.byId[id], c = color[d.level] || color.unknown, cited = d.kind === "cited" || d.kind === "title";
    return {id: id, x: p.x, y: p.y, label: ov.draw[id][0], size: ov.draw[id][1], shape: "dot", physics: false,
      title: tooltip(d), hidden: !test(d), pgLevel: d.level, pgKind: d.kind || "",
      color: {background: cited ? "#ffffff" : c, border: c, highlight: {background: c, border: "#111111"}},
      borderWidth: cited ? 2 : 1, shapeProperties: cited ? {borderDashes: [4, 3]} : {}, font: {size: 13, face: face}};
  }

  // Draw what is open now: groups moved, members added, moved or removed, their edges redrawn.
  function apply() {
    var at = place(), updates = [], added = [], removed = [];
    ov.groups.forEach(function (g) { updates.push({id: g.id, x: at.groups[g.id].x, y: at.groups[g.id].y}); });
    nodes.getIds().forEach(function (id) { if (!groups[id] && !at.members[id]) removed.push(id); });
    Object.keys(at.members).forEach(function (id) {
      if (nodes.get(id)) updates.push({id: id, x: at.members[id].x, y: at.members[id].y, hidden: !test(PG.byId[id])});
      else added.push(drawn(id, at.members[id]));
    });
    nodes.remove(removed); nodes.update(updates); nodes.add(added);
    // Between groups: hidden when filtered out, or when a group is open (its documents' own edges show).
    edges.update(edges.get({filter: function (e) { return !e.pgMember; }, fields: ["id", "relation", "from", "to"]})
      .map(function (e) {
        return {id: e.id, hidden: rels[e.relation] === false || open[e.from] || open[e.to]
          || (passing !== null && (!passing[e.from] || !passing[e.to]))};
      }));
    edges.remove(edges.getIds({filter: function (e) { return e.pgMember; }}));
    var lines = [];
    Object.keys(at.members).forEach(function (id) {
      (PG.byId[id].cites || []).forEach(function (c) {
        if (!at.members[c.id]) return;
        var st = relColor[c.relation] || relColor.cites;
        lines.push({id: "m:" + id + "\u2192" + c.id, from: id, to: c.id, arrows: "to", color: st.color,
          dashes: st.dashed, width: st.dashed === true ? 1 : 2, relation: c.relation, pgMember: true,
          title: PG.relationLabel(c.relation).split(" ")[0] + (c.evidence ? "：" + c.evidence : ""),
          hidden: rels[c.relation] === false || !test(PG.byId[id]) || !test(PG.byId[c.id])});
      });
    });
    edges.add(lines);
  }

  function toggle(id) {
    open[id] = !open[id];
    apply();
    if (open[id]) network.fit({nodes: [id].concat(shown(groups[id])), animation: false});
  }

  function reveal(id) {
    var g = groupOf[id];
    if (!g) return;
    if (shown(groups[g]).indexOf(id) < 0) (extra[g] = extra[g] || []).push(id);
    open[g] = true;
    apply();
  }

  // The groups' counts of what passes, the members' visibility; [documents passing, all].
  function filter(t, r) {
    test = t; rels = r;
    var pass = {}, total = 0, shown = 0;
    for (var id in PG.byId) {
      total += 1;
      if (t(PG.byId[id])) { shown += 1; pass[groupOf[id]] = (pass[groupOf[id]] || 0) + 1; }
    }
    passing = pass;
    nodes.update(ov.groups.map(function (g) {
      var k = pass[g.id] || 0;
      return {id: g.id, hidden: k === 0, label: k === g.count ? g.label : g.label + "（符合 " + k + "）"};
    }));
    apply();
    return [shown, total];
  }

  function showGroup(id, panel) {
    var g = groups[id];
    if (!g) return;
    panel.className = ""; panel.textContent = "";
    panel.setAttribute("data-node", id);
    panel.appendChild(el("div", g.label.replace("\n", " · "), "pg-title"));
    panel.appendChild(el("div", open[id] ? "已展开：再次点击收起 open: click again to close"
      : "点击展开 click to open", "pg-evidence"));
    panel.appendChild(el("h2", "被引最多 Most cited (" + Math.min(20, g.count) + " / " + g.count + ")"));
    var ul = el("ul");
    g.members.slice(0, 20).forEach(function (m) {
      var li = el("li"); li.appendChild(PG.docLink(m, PG.byId[m].name)); ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (g.count > ov.cap) panel.appendChild(el("div", "展开时显示被引最多的 " + ov.cap + " 件；其余可搜索。 An open group draws its "
      + ov.cap + " most cited; search finds any other.", "pg-evidence"));
  }

  PG.overview = {isGroup: function (id) { return !!groups[id]; }, toggle: toggle, reveal: reveal,
    filter: filter, showGroup: showGroup, open: open};
})();
