// policygraph document view: loads the text script its address names (#NNNN/<source>), shows
// the document's facts and citations and its text with the citation and measure spans
// highlighted. Every text is set with textContent, so nothing in a document is ever markup.
(function () {
  "use strict";
  var meta = document.getElementById("pg-docmeta"), body = document.getElementById("pg-text");
  var KINDS = {cite: "引用 citation", measure: "政策工具 measure", target: "目标 target", deadline: "时限 deadline"};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function wanted() {
    var h = window.location.hash.slice(1), i = h.indexOf("/");
    return i < 0 ? null : {shard: h.slice(0, i), source: decodeURIComponent(h.slice(i + 1))};
  }

  function missing(text) {
    body.textContent = ""; body.appendChild(el("div", text, "pg-missing"));
    window.pgDocShown = "missing";
  }

  // The text cut at every span boundary; each piece carries the kinds of the spans over it.
  function renderText(text, spans) {
    body.textContent = "";
    var cuts = [0, text.length];
    spans.forEach(function (s) { cuts.push(s[0], s[1]); });
    cuts = cuts.filter(function (c, i, a) { return c >= 0 && c <= text.length && a.indexOf(c) === i; })
      .sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1], over = spans.filter(function (s) { return s[0] <= a && s[1] >= b; });
      if (!over.length) { frag.appendChild(document.createTextNode(text.slice(a, b))); continue; }
      var span = el("span", text.slice(a, b), over.map(function (s) { return "s-" + s[2]; }).join(" "));
      span.title = over.map(function (s) { return s[3]; }).join("\n");
      span.setAttribute("data-start", String(a));
      frag.appendChild(span);
    }
    body.appendChild(frag);
  }

  function jump(start) {
    var best = null;
    Array.prototype.forEach.call(body.querySelectorAll("span[data-start]"), function (s) {
      if (best === null && parseInt(s.getAttribute("data-start"), 10) >= start) best = s;
    });
    if (best) { best.scrollIntoView({block: "center"}); best.classList.add("s-flash"); }
  }

  function row(dl, k, v) {
    if (!v) return;
    dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v));
  }

  function show(d) {
    document.title = d.name;
    document.getElementById("pg-doc-title").textContent = d.name;
    meta.textContent = "";
    var dl = el("dl");
    row(dl, "文号", d.number); row(dl, "标题", d.title); row(dl, "发文机关", d.issuers);
    row(dl, "层级", d.level); row(dl, "效力级别", d.rank); row(dl, "地区", d.jurisdiction);
    row(dl, "成文日期", d.date); row(dl, "公布日期", d.datePublication); row(dl, "施行日期", d.dateInForce);
    row(dl, "网页日期", d.webDate); row(dl, "文件", d.source); row(dl, "编码", d.encoding);
    meta.appendChild(dl);
    var key = el("div", null, "pg-key");
    Object.keys(KINDS).forEach(function (k) { key.appendChild(el("span", KINDS[k], "s-" + k)); });
    meta.appendChild(key);
    if (d.parts.length) {
      meta.appendChild(el("h2", "所附文件 embedded (" + d.parts.length + ")"));
      var up = el("ul"); d.parts.forEach(function (p) { up.appendChild(el("li", p)); }); meta.appendChild(up);
    }
    if (d.citations.length) {
      meta.appendChild(el("h2", "引用 Citations (" + d.citations.length + ")"));
      var ul = el("ul");
      d.citations.forEach(function (c) {
        var li = el("li"), a = el("a", c.relation + " " + c.name);
        a.addEventListener("click", function () { jump(c.start); });
        li.appendChild(a);
        if (c.evidence) li.appendChild(el("div", c.evidence, "pg-evidence"));
        ul.appendChild(li);
      });
      meta.appendChild(ul);
    }
    renderText(d.text, d.spans);
    window.pgDocShown = d.source;
  }

  var want = null;
  window.PGDOC = function (docs) {
    if (!want) return;
    var d = docs[want.source];
    if (d) show(d); else missing("此文件不在该分卷中 not in this volume: " + want.source);
  };

  function load() {
    want = wanted();
    if (!want || !/^\d{4}$/.test(want.shard)) { missing("未指定文件 no document named in the address"); return; }
    var s = document.createElement("script");
    s.src = "t/" + want.shard + ".js";
    s.onerror = function () { missing("找不到文件 cannot load t/" + want.shard + ".js"); };
    document.body.appendChild(s);
  }
  window.addEventListener("hashchange", load);
  load();
})();
