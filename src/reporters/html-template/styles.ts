/**
 * The page's stylesheet, inlined into the <style> element at render time (the report is one file
 * and loads nothing: system fonts only). Colours come in light and dark sets; score bands are
 * told apart by lightness as well as hue, and every cell also prints its number.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --band-low: #d1242f; --band-mid: #e16f24; --band-high: #bf8700; --band-top: #1a7f37; --band-none: #8c959f;
  --cell-low: #ffd7d5; --cell-mid: #ffe2cc; --cell-high: #fff1b8; --cell-top: #ccf0d4; --cell-none: #eaeef2;
  --accent: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --cell-low: #5c1a1e; --cell-mid: #5a2e12; --cell-high: #4a3b06; --cell-top: #12401f; --cell-none: #262c36;
    --accent: #4493f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.subtitle, .muted { color: var(--muted); }
.muted { font-size: 12px; }
header.report { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; justify-content: space-between; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.overall { min-width: 200px; padding: 16px 20px; border-radius: 8px; border: 1px solid var(--line); background: var(--panel); text-align: center; }
.overall .score { display: block; font-size: 40px; font-weight: 700; line-height: 1.1; }
.overall .score.band-low { color: var(--band-low); } .overall .score.band-mid { color: var(--band-mid); }
.overall .score.band-high { color: var(--band-high); } .overall .score.band-top { color: var(--band-top); }
.overall .score.band-none { color: var(--band-none); }
.chart { width: 100%; max-width: 760px; height: auto; display: block; }
.chart text { fill: var(--fg); font-size: 13px; font-family: inherit; }
.chart .tick { stroke: var(--line); stroke-width: 1; }
.chart .tick-label { fill: var(--muted); font-size: 11px; }
.chart .track { fill: var(--panel); stroke: var(--line); }
.chart .track-none { fill: none; stroke: var(--band-none); stroke-dasharray: 4 3; }
.chart .bar-value { font-weight: 600; }
.chart .na-note { fill: var(--muted); font-size: 12px; font-style: italic; }
.fill.band-low, .swatch.band-low { fill: var(--band-low); background: var(--band-low); }
.fill.band-mid, .swatch.band-mid { fill: var(--band-mid); background: var(--band-mid); }
.fill.band-high, .swatch.band-high { fill: var(--band-high); background: var(--band-high); }
.fill.band-top, .swatch.band-top { fill: var(--band-top); background: var(--band-top); }
.swatch.band-none { background: repeating-linear-gradient(45deg, var(--band-none) 0 3px, transparent 3px 6px); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 16px; padding: 0; margin: 8px 0 0; color: var(--muted); font-size: 12px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; }
table { border-collapse: collapse; }
.matrix caption, .findings caption { text-align: left; color: var(--muted); padding-bottom: 6px; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 6px 10px; }
.matrix thead th { text-transform: capitalize; }
.matrix th[scope="row"] { text-align: left; font-weight: 500; }
.cell { min-width: 130px; text-align: center; }
.cell-score { display: block; font-size: 18px; font-weight: 700; }
.cell-counts { font-size: 12px; color: var(--muted); }
.cell.band-low { background: var(--cell-low); } .cell.band-mid { background: var(--cell-mid); }
.cell.band-high { background: var(--cell-high); } .cell.band-top { background: var(--cell-top); }
.cell.band-none { background: var(--cell-none); }
.cell-empty .cell-score { color: var(--muted); font-weight: 400; }
.cell.clickable { cursor: pointer; }
.cell.clickable:hover, .cell.clickable:focus { outline: 2px solid var(--accent); outline-offset: -2px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
.filters select, .filters button { font: inherit; padding: 3px 6px; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; }
.filters .count { margin: 0 0 0 auto; font-weight: 600; }
.table-scroll { overflow-x: auto; }
.findings { width: 100%; }
.findings th, .findings td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.findings thead th { background: var(--panel); }
.findings tr[hidden] { display: none; }
.findings .resource, .findings .message, .findings .details { overflow-wrap: break-word; }
.findings .fit { width: 1%; white-space: nowrap; }
.findings .resource { min-width: 220px; max-width: 320px; }
.findings .details { min-width: 160px; max-width: 320px; font-size: 12px; }
.findings .details p { margin: 0 0 4px; }
.findings .details ul { margin: 0 0 4px; padding-left: 16px; }
.control { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.pill, .sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.status-fail { background: var(--band-low); color: #fff; }
.status-pass { background: var(--band-top); color: #fff; }
.status-not_evaluated { border-color: var(--band-none); color: var(--muted); }
.status-suppressed { border-color: var(--muted); color: var(--muted); background: var(--cell-none); }
.status-fixed { border-color: var(--band-top); color: var(--band-top); }
.status-manual { border-color: var(--accent); color: var(--accent); }
.status-not_covered, .status-not_applicable, .status-excluded { border-color: var(--line); color: var(--muted); border-style: dashed; }
.frameworks-overview th, .frameworks-overview td, .requirements th, .requirements td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.frameworks-overview thead th, .requirements thead th { background: var(--panel); }
.frameworks-overview .num { text-align: right; }
.score-text { font-weight: 700; }
.score-text.band-low { color: var(--band-low); } .score-text.band-mid { color: var(--band-mid); }
.score-text.band-high { color: var(--band-high); } .score-text.band-top { color: var(--band-top); }
.score-text.band-none { color: var(--band-none); }
details.framework { margin: 12px 0; }
details.framework > summary { cursor: pointer; font-size: 15px; }
.framework-name { font-weight: 600; }
.requirements { width: 100%; }
.requirements .fit { width: 1%; white-space: nowrap; }
.requirements details.check summary { cursor: pointer; font-size: 12px; color: var(--muted); }
.requirements details.check p { margin: 4px 0; font-size: 12px; }
.control-refs { list-style: none; margin: 0; padding: 0; }
.control-refs li { margin: 0 0 2px; white-space: nowrap; }
.control-ref.clickable { cursor: pointer; color: var(--accent); text-decoration: underline; }
.control-ref.clickable:hover, .control-ref.clickable:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.baseline-new { background: var(--accent); color: #fff; }
.baseline-updated { border-color: var(--accent); color: var(--accent); }
.sev-critical { background: #82071e; color: #fff; } .sev-high { background: var(--band-low); color: #fff; }
.sev-medium { background: var(--band-mid); color: #fff; } .sev-low { background: var(--cell-high); color: var(--fg); }
.sev-informational { border-color: var(--line); color: var(--muted); }
.findings tr.same-resource td { border-top: 0; }
.findings tr.same-resource .resource { color: var(--muted); }
details.fix summary { cursor: pointer; font-weight: 600; }
details.fix pre { margin: 4px 0 8px; padding: 6px 8px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; white-space: pre; font-size: 12px; }
.fix-label { font-weight: 600; }
#remediation details.fix { margin-bottom: 8px; }
.note { color: var(--muted); font-style: italic; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  .filters, noscript { display: none; }
}
`;
