/** The report's own stylesheet and its one small script (search and filter), inlined with the page's nonce. */

export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --ok: #15803d; --bad: #dc2626; --bg: #ffffff; --soft: #f6f8fa; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 16px 24px 48px; max-width: 1100px; }
h1 { font-size: 22px; margin: 8px 0 0; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); } h3 { font-size: 16px; margin: 16px 0 6px; }
.meta, .note, figcaption { color: var(--muted); }
table { border-collapse: collapse; }
#results-table th, #results-table td { border: 1px solid var(--line); padding: 4px 10px; }
#results-table td { text-align: right; font-variant-numeric: tabular-nums; }
#results-table thead th { background: var(--soft); }
#results-table tbody th { text-align: left; font-weight: normal; }
figure { margin: 12px 0; } figure svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
.controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0; position: sticky; top: 0; background: var(--bg); padding: 6px 0; z-index: 1; }
#search { flex: 1 1 280px; padding: 4px 8px; }
details.problem { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
details.problem > summary { cursor: pointer; }
.pid { font-family: ui-monospace, monospace; } .preview { color: var(--muted); } .tally { color: var(--muted); margin: 0 6px; }
.chip { display: inline-block; border-radius: 10px; padding: 0 7px; font-size: 12px; border: 1px solid currentColor; }
.ok { color: var(--ok); } .bad { color: var(--bad); } .none { color: var(--muted); }
.problem-text, .solution-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.solution-text { background: var(--soft); padding: 6px 8px; border-radius: 4px; max-height: 480px; overflow: auto; }
table.samples { width: 100%; margin: 6px 0; } table.samples th, table.samples td { border-top: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.samples td:first-child { white-space: nowrap; }
table.samples td.answer { white-space: nowrap; max-width: 280px; overflow-x: auto; }
table.samples td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.picked td:first-child { font-weight: bold; } tr.picked td:first-child::after { content: " ★"; color: #1f6feb; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
[hidden] { display: none !important; }
`;

/** Plain ES5-level script, no eval, no network: hides the problems that do not match. */
export const REPORT_SCRIPT = `
(function () {
  var search = document.getElementById("search");
  var filter = document.getElementById("filter");
  var count = document.getElementById("count");
  var problems = Array.prototype.slice.call(document.querySelectorAll("details.problem"));
  var texts = problems.map(function (p) { return p.textContent.toLowerCase(); });
  function apply() {
    var query = search.value.trim().toLowerCase();
    var flag = filter.value;
    var shown = 0;
    problems.forEach(function (p, i) {
      var flags = (p.getAttribute("data-flags") || "").split(" ");
      var visible = (flag === "all" || flags.indexOf(flag) >= 0) && (query === "" || texts[i].indexOf(query) >= 0);
      p.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown + " of " + problems.length + " problems";
  }
  search.addEventListener("input", apply);
  filter.addEventListener("change", apply);
  apply();
})();
`;
