"use strict";
(function () {
  // Records come from the JSON block; every string from them is written with textContent.
  var DATA = JSON.parse(document.getElementById("records").textContent);
  var RECORDS = DATA.records;
  var OWNER = {};  // highlight id -> record key
  Object.keys(RECORDS).forEach(function (key) {
    RECORDS[key].hids.forEach(function (hid) { OWNER[hid] = key; });
  });
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var flashTimer = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function spansOf(hid) {
    return Array.prototype.slice.call(document.querySelectorAll('#text [data-h~="' + CSS.escape(hid) + '"]'));
  }

  function partsOf(key) {
    return Array.prototype.slice.call(document.querySelectorAll('#text [data-p]')).filter(function (node) {
      return node.getAttribute("data-p").split(" ").some(function (pid) { return pid.split(":")[0] === key; });
    });
  }

  function spanLength(key) {
    var ev = RECORDS[key].evidence[0];
    return ev ? ev.end - ev.start : 1e12;
  }

  function clearMarks() {
    ["sel", "psel"].forEach(function (cls) {
      document.querySelectorAll("." + cls).forEach(function (node) { node.classList.remove(cls); });
    });
    document.querySelectorAll("tr.cur").forEach(function (row) { row.classList.remove("cur"); });
  }

  function select(key) {
    clearMarks();
    RECORDS[key].hids.forEach(function (hid) {
      spansOf(hid).forEach(function (node) { node.classList.add("sel"); });
    });
    partsOf(key).forEach(function (node) { node.classList.add("psel"); });
    var row = document.getElementById("row-" + key);
    if (row) row.classList.add("cur");
  }

  function fieldList(rec) {
    var dl = el("dl");
    rec.fields.forEach(function (field) {
      if (field[1] === "" || field[0] === "rule") return;
      dl.appendChild(el("dt", null, field[0]));
      dl.appendChild(el("dd", null, field[1]));
    });
    return dl;
  }

  function evidenceBlock(rec, section) {
    rec.evidence.forEach(function (ev, i) {
      var p = el("p", "ev");
      p.appendChild(el("span", null, rec.evidence.length > 1 ? "evidence " + (i + 1) + ": " : "evidence: "));
      p.appendChild(el("q", null, ev.text));
      p.appendChild(el("span", "rule", " " + ev.rule + " [" + ev.start + ", " + ev.end + ")"));
      section.appendChild(p);
      if (i === 0) section.appendChild(sentence(ev));
    });
  }

  // The evidence's sentence with the evidence marked (offsets are into the article text).
  function sentence(ev) {
    var p = el("p", "sentence");
    var from = ev.start - ev.sentence_start, to = ev.end - ev.sentence_start;
    if (from < 0 || to > ev.sentence.length) { p.textContent = ev.sentence; return p; }
    p.appendChild(document.createTextNode(ev.sentence.slice(0, from)));
    p.appendChild(el("mark", null, ev.sentence.slice(from, to)));
    p.appendChild(document.createTextNode(ev.sentence.slice(to)));
    return p;
  }

  function partTable(rec) {
    var table = el("table", "parts");
    var head = el("tr");
    ["part", "text", "rule"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    table.appendChild(head);
    rec.parts.forEach(function (part) {
      var row = el("tr");
      row.appendChild(el("td", null, part[0]));
      row.appendChild(el("td", null, part[1]));
      row.appendChild(el("td", "rule", part[2]));
      table.appendChild(row);
    });
    return table;
  }

  function recordSection(key) {
    var rec = RECORDS[key];
    var section = el("section", "rec k-" + rec.kind);
    section.setAttribute("data-rec", key);
    var h3 = el("h3");
    h3.appendChild(el("span", "badge", rec.kind));
    h3.appendChild(el("span", "label", rec.label));
    h3.addEventListener("click", function () { go(key, null, false); });
    section.appendChild(h3);
    section.appendChild(fieldList(rec));
    evidenceBlock(rec, section);
    if (rec.parts.length) section.appendChild(partTable(rec));
    var rule = rec.fields.filter(function (f) { return f[0] === "rule"; })[0];
    var actions = el("p", "actions");
    if (rule && rule[1]) actions.appendChild(el("code", null, "rule " + rule[1] + "  "));
    var toRow = el("a", "to-row", "↓ row in table");
    toRow.href = "#row-" + key;
    actions.appendChild(toRow);
    section.appendChild(actions);
    return section;
  }

  function show(keys) {
    body.textContent = "";
    keys.forEach(function (key) { body.appendChild(recordSection(key)); });
    panel.hidden = false;
  }

  function flash(nodes) {
    document.querySelectorAll(".flash").forEach(function (node) { node.classList.remove("flash"); });
    nodes.forEach(function (node) {
      node.classList.remove("flash");
      void node.offsetWidth;  // restart the animation
      node.classList.add("flash");
    });
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, 1700);
  }

  // Scroll to a record's span (the given highlight, else its first), flash it, select it, show it.
  function go(key, hid, scroll) {
    var target = hid || RECORDS[key].hids[0];
    var nodes = target ? spansOf(target) : [];
    select(key);
    show([key]);
    if (nodes.length && scroll !== false) scrollTo(nodes[0]);
    flash(nodes);
  }

  // Centre a span in the part of the window the panel leaves free (on a phone, the panel is a
  // bottom sheet: centring in the whole window could hide the span under it).
  function scrollTo(node) {
    node.scrollIntoView({block: "center", inline: "nearest"});
    var box = node.getBoundingClientRect(), cover = panel.getBoundingClientRect();
    var overlaps = !panel.hidden && box.right > cover.left && box.left < cover.right;
    var free = overlaps ? cover.top : window.innerHeight;
    if (overlaps && box.bottom > free - 8) window.scrollBy(0, box.top + box.height / 2 - free / 2);
  }

  // The records covering a piece of text: its highlights, and the events whose parts it is in.
  function keysAt(node) {
    var keys = [];
    (node.getAttribute("data-h") || "").split(" ").forEach(function (hid) {
      if (hid && OWNER[hid] && keys.indexOf(OWNER[hid]) < 0) keys.push(OWNER[hid]);
    });
    (node.getAttribute("data-p") || "").split(" ").forEach(function (pid) {
      var key = pid.split(":")[0];
      if (pid && RECORDS[key] && RECORDS[key].kind === "event" && keys.indexOf(key) < 0) keys.push(key);
    });
    return keys.sort(function (a, b) { return spanLength(a) - spanLength(b); });
  }

  document.getElementById("text").addEventListener("click", function (event) {
    var node = event.target.closest(".h, .pt");
    if (!node) return;
    var keys = keysAt(node);
    if (!keys.length) return;
    select(keys[0]);
    show(keys);
  });

  document.getElementById("text").addEventListener("mouseover", function (event) {
    var node = event.target.closest(".h, .pt");
    if (!node || node.title) return;
    node.title = keysAt(node).map(function (k) { return RECORDS[k].kind + ": " + RECORDS[k].label; }).join("\n");
  });

  document.getElementById("tables").addEventListener("click", function (event) {
    var link = event.target.closest("a[data-go]");
    if (!link) return;
    event.preventDefault();
    go(link.getAttribute("data-go"), link.getAttribute("data-hid"));
  });

  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    clearMarks();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { panel.hidden = true; clearMarks(); }
  });

  window.vnnewsViewer = {go: go, records: RECORDS, spansOf: spansOf};
})();
