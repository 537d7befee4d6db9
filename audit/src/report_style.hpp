#pragma once
/// report.html's inline style sheet: readable on screen, printable on A4
/// (colours kept, rows never split across pages), no web fonts.

namespace quotecheck::audit::detail {

inline constexpr const char *report_css = R"css(
:root { --ink: #1c1f24; --muted: #5f6670; --rule: #dde1e6; --paper: #ffffff; --band: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1120px; padding: 28px 32px 48px; background: var(--paper); color: var(--ink);
       font: 15px/1.5 system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 28px; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 0 0 6px; font-weight: 600; }
a { color: #0b57d0; text-decoration: none; }
a:hover { text-decoration: underline; }
.run { color: var(--muted); margin: 0 0 16px; font-size: 13.5px; }
.run b { color: var(--ink); font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; margin: 8px 0 12px; }
.card { background: var(--band); border-radius: 8px; padding: 10px 14px; border-left: 4px solid #90a4ae; }
.card .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 12.5px; }
.card.bad { border-left-color: #c62828; } .card.bad .value { color: #b71c1c; }
.card.warn { border-left-color: #ef8f00; }
.kinds { color: var(--muted); font-size: 13.5px; margin: 4px 0; }
nav { margin: 14px 0 0; padding: 8px 0; border-top: 1px solid var(--rule); font-size: 13.5px; }
nav a { margin-right: 14px; }
.legend { color: var(--muted); font-size: 13.5px; margin: 4px 0 10px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin: 0 4px 0 8px;
          vertical-align: -1px; }
.dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; background: #1565c0;
       vertical-align: -1px; }
.dot.first { background: #c62828; }
svg { max-width: 100%; height: auto; display: block; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 6px 0 4px; }
th { text-align: left; background: var(--band); font-weight: 600; padding: 7px 9px; border-bottom: 1px solid #c5cbd3; }
td { padding: 7px 9px; border-bottom: 1px solid var(--rule); vertical-align: top; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.diffs td:first-child { width: 22%; }
table.drift td:first-child { width: 12%; white-space: nowrap; }
table.drift td:nth-child(2) { width: 20%; }
tr.first td { background: #fbfbf3; }
.doc { font-weight: 600; }
.muted { color: var(--muted); }
.small { font-size: 12.5px; }
q { quotes: "\201C" "\201D"; }
del { color: #a31515; background: #fdecea; text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { color: #1b5e20; background: #e6f4ea; text-decoration: underline; text-decoration-thickness: 1.5px; }
td.credited { color: #a31515; font-weight: 600; }
td.onrecord { color: #1b5e20; font-weight: 600; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #fff3c4;
       color: #6d5200; vertical-align: 1px; }
.quotation { margin: 18px 0 26px; padding: 14px 16px; border: 1px solid var(--rule); border-radius: 8px; }
.quotation .rank { color: var(--muted); }
.facts { color: var(--muted); font-size: 13.5px; margin: 0 0 8px; }
.facts b { color: var(--ink); font-weight: 600; }
.timeline-box { margin-top: 10px; }
.cut { font-size: 13px; color: #6d5200; background: #fff8e1; padding: 4px 8px; border-radius: 4px;
       display: inline-block; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  tr, .quotation, svg, .card { break-inside: avoid; }
  a { color: inherit; }
}
)css";

} // namespace quotecheck::audit::detail
