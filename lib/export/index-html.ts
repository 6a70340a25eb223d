import type { PeriodPackage } from "@/lib/export/types";

// index.html of the package: opens from the unzipped folder in any browser with no network and no
// server. The data sits inline as JSON (never as markup), the script builds the tables with
// textContent only (a title cannot inject anything), and the page's own CSP forbids every fetch:
// only inline script and style, and links to the package's own files (relative paths).

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1a1a1a}h1{font-size:1.4rem}
nav button{margin-right:.5rem;padding:.3rem .8rem}nav button[aria-selected=true]{font-weight:bold}
table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}input{padding:.3rem;width:20rem}.muted{color:#666}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}`;

const SCRIPT = `(() => {
const data = JSON.parse(document.getElementById("package-data").textContent);
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); return e; };
const facts = document.getElementById("facts");
const p = data.period;
for (const [k, v] of [["Period", p.name], ["Type", p.type], ["Window", p.start + " to " + p.end], ["Categories", p.categories.join(", ")],
  ["Features", p.features.join(", ") || "all"], ["Lock", data.lock.state], ["Exported", data.exportedAt + " by " + data.exportedBy],
  ["Audit log head", data.auditLogHead ? "seq " + data.auditLogHead.seq + ", " + data.auditLogHead.hash : "empty log"]]) {
  facts.append(el("dt", k), el("dd", v));
}
const pct = (r) => r === null ? "—" : Math.round(r * 100) + "%";
const views = {
  controls: { columns: ["Control", "Title", "Design", "Covered", "Coverage", "Status", "Missing slots"],
    rows: data.controls.map((c) => [c.code, c.title, c.designStatus, c.covered + " / " + c.expected, pct(c.coverage), c.status,
      c.slots.filter((s) => s.state === "MISSING").map((s) => s.start === s.end ? s.start : s.start + "–" + s.end).join(", ")]) },
  exceptions: { columns: ["Kind", "Control", "From", "To", "Description", "Management response"],
    rows: data.exceptions.map((x) => [x.kind, x.control || "", x.start, x.end, x.description, x.response || "(none yet)"]) },
  evidence: { columns: ["Control", "Title", "Status", "Effective", "Uploaded by", "Reviewed by", "File", "SHA-256"],
    rows: data.evidence.map((e) => [e.control, e.title, e.status, e.effectiveDate, e.uploadedBy || "",
      (e.reviewedBy || "") + (e.selfReviewed ? " (self-reviewed)" : ""), { path: e.packagePath, url: e.url, name: e.fileName }, e.fileSha256 || ""]) },
};
const main = document.getElementById("view");
const filter = document.getElementById("filter");
let current = "controls";
function render() {
  const view = views[current];
  const needle = filter.value.trim().toLowerCase();
  const table = el("table");
  const head = el("tr");
  for (const c of view.columns) head.append(el("th", c));
  table.append(head);
  let shown = 0;
  for (const row of view.rows) {
    const flat = row.map((c) => typeof c === "object" && c ? [c.name, c.path, c.url].join(" ") : String(c)).join(" ").toLowerCase();
    if (needle && !flat.includes(needle)) continue;
    shown++;
    const tr = el("tr");
    for (const cell of row) {
      const td = el("td");
      if (cell && typeof cell === "object") {
        if (cell.path) { const a = el("a", cell.name || cell.path); a.href = cell.path.split("/").map(encodeURIComponent).join("/"); td.append(a); }
        else if (cell.url) td.textContent = cell.url;
      } else td.textContent = String(cell);
      tr.append(td);
    }
    table.append(tr);
  }
  main.replaceChildren(el("p", shown + " of " + view.rows.length + " rows"), table);
  main.firstChild.className = "muted";
  for (const b of document.querySelectorAll("nav button")) b.setAttribute("aria-selected", String(b.dataset.view === current));
}
for (const b of document.querySelectorAll("nav button")) b.addEventListener("click", () => { current = b.dataset.view; render(); });
filter.addEventListener("input", render);
render();
})();`;

/** JSON that can sit inside a script element: no "</script", no line separators that end a string early. */
const inlineJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function packageIndexHtml(p: PeriodPackage): string {
  const data = {
    period: p.period,
    lock: p.lock,
    exportedAt: p.exportedAt,
    exportedBy: p.exportedBy,
    auditLogHead: p.auditLogHead,
    controls: p.controls,
    exceptions: p.exceptions,
    evidence: p.evidence,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.period.name)}: audit package</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(p.period.name)}</h1>
<p class="muted">The Attest export of this audit period. Check the package with <code>npm run verify-package</code> or the commands of docs/auditors.md before relying on it: this page only shows what the package holds.</p>
<dl id="facts"></dl>
<nav aria-label="Views"><button type="button" data-view="controls">Controls and coverage</button><button type="button" data-view="exceptions">Exceptions</button><button type="button" data-view="evidence">Evidence</button></nav>
<p><label>Filter <input id="filter" type="search"></label></p>
<main id="view"><noscript>This page needs JavaScript to show the tables; the same data is in the csv/ folder.</noscript></main>
<script type="application/json" id="package-data">${inlineJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
