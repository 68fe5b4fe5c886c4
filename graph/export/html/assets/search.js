// policygraph explorer, search: a query is brought to the form of the keys search.py wrote
// (numbers canonical as the extractor writes them, titles simplified without punctuation), then
// matched in tiers: the id, the exact number, the exact title, a title's beginning, a part of a
// title, a part of a number. The list has every match, tier by tier (within one, national
// first, then by name); its first entry is shown; "no match" is said plainly.
(function () {
  "use strict";
  var PG = window.PG, el = PG.el, ix = PG.data.search;
  var punct = new RegExp(ix.punct, "g");
  var MAX = 50, NATION = "中华人民共和国";

  // Full-width forms folded, traditional characters simplified (OpenCC's pairs), as normalize.py.
  function fold(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), ch = s[i];
      if (c >= 0xFF01 && c <= 0xFF5E) ch = String.fromCharCode(c - 0xFEE0);
      else if (c === 0x3000 || c === 0xA0) ch = " ";
      out += ix.t2s[ch] || ch;
    }
    return out;
  }
  function titleKey(s) { return fold(s).replace(punct, ""); }

  // A typed number in its canonical form: 〔year〕, no 第 before the serial, a closing 号, an
  // order organ's full name (国令 → 国务院令), 中华人民共和国 before an order dropped.
  function numberKey(s) {
    var n = fold(s).replace(/\s+/g, "").replace(/^中华人民共和国(?=.*令)/, "");
    n = n.replace(/[\[［(（【〔]/g, "〔").replace(/[\]］)）】〕]/g, "〕").replace(/〕第/, "〕");
    n = n.replace(/^([^\d〔]+?)(\d{4})年(?:第)?(\d+)/, "$1〔$2〕$3");
    n = n.replace(/令(\d)/, "令第$1");
    if (/\d$/.test(n)) n += "号";
    Object.keys(ix.orderAliases).forEach(function (short) {
      if (n.indexOf(short + "令") === 0) n = ix.orderAliases[short] + n.slice(short.length);
    });
    return n;
  }
  function partKey(s) {
    return fold(s).replace(/\s+/g, "").replace(/[\[［(（【〔]/g, "〔").replace(/[\]］)）】〕]/g, "〕");
  }

  var TIERS = [
    ["编号 id", function (q) { return function (i) { return ix.ids[i] === q.raw; }; }],
    ["文号 number", function (q) { return function (i) { return ix.numbers[i] === q.number; }; }],
    ["标题 exact title", function (q) {
      // 治安管理处罚法 is the title 中华人民共和国治安管理处罚法, as people say it
      return function (i) { return q.key && (ix.titles[i] === q.key || ix.titles[i] === NATION + q.key); };
    }],
    ["标题开头 title begins", function (q) { return function (i) { return q.key && ix.titles[i].indexOf(q.key) === 0; }; }],
    ["标题包含 title contains", function (q) { return function (i) { return q.key && ix.titles[i].indexOf(q.key) > 0; }; }],
    ["文号包含 number contains", function (q) { return function (i) { return q.part && ix.numbers[i].indexOf(q.part) >= 0; }; }],
  ];

  // The matches of `query`, best first: {ids, how (each id's tier)}; an id typed exactly is
  // the only match; otherwise every tier in turn, each in list order.
  function find(query) {
    var raw = query.trim(), ids = [], how = [], seen = {};
    if (!raw) return {ids: ids, how: how};
    var q = {raw: raw, number: numberKey(raw), key: titleKey(raw), part: partKey(raw)};
    var n = ix.ids.length;
    for (var t = 0; t < TIERS.length; t++) {
      var test = TIERS[t][1](q);
      for (var i = 0; i < n; i++) {
        if (!seen[i] && test(i)) { seen[i] = true; ids.push(ix.ids[i]); how.push(TIERS[t][0]); }
      }
      if (t === 0 && ids.length) break;
    }
    return {ids: ids, how: how};
  }
  PG.find = find;

  var box = document.getElementById("pg-search");
  var list = el("div", null, "pg-results"); list.id = "pg-results"; list.hidden = true;
  box.parentNode.appendChild(list);

  function show(query) {
    var t0 = performance.now();
    var r = find(query);
    window.pgLastSearchMs = performance.now() - t0;
    list.textContent = "";
    list.hidden = false;
    if (!r.ids.length) {
      list.appendChild(el("div", "无匹配 no match for “" + query.trim() + "”", "pg-nomatch"));
      return r;
    }
    list.appendChild(el("div", r.ids.length + " 个匹配 matches", "pg-how"));
    var ul = el("ul");
    r.ids.slice(0, MAX).forEach(function (id, k) {
      var d = PG.byId[id] || {}, li = el("li");
      if (k === 0 || r.how[k] !== r.how[k - 1]) ul.appendChild(el("li", r.how[k], "pg-tier"));
      var a = PG.docLink(id, d.name || id);
      a.addEventListener("click", function () { list.hidden = true; });
      li.appendChild(a);
      var where = [d.levelLabel, d.jurisdiction, d.date].filter(function (x) { return x; }).join(" · ");
      if (where) li.appendChild(el("span", " " + where, "pg-where"));
      ul.appendChild(li);
    });
    list.appendChild(ul);
    if (r.ids.length > MAX) list.appendChild(el("div", "…前 " + MAX + " 个 first " + MAX + " shown", "pg-how"));
    return r;
  }
  PG.search = show;

  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { list.hidden = true; return; }
    if (ev.key !== "Enter") return;
    var r = show(box.value);
    if (r.ids.length) PG.goTo(r.ids[0]);
  });
})();
