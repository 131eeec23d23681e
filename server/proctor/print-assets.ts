// The stylesheet and the one small script of the printable pages (report and login slips). They
// are served by the proctor's routes so the pages need nothing from the client build, and no
// inline style or script (the Content-Security-Policy allows neither).

export const printCss = `
:root {
  --ink: #111418; --muted: #4a5160; --rule: #9aa3b1; --soft: #eef1f5; --accent: #1f3a5f; --alert: #a4161a;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif; color: var(--ink); background: #f4f5f7; line-height: 1.4; }
body { margin: 0; }
.toolbar { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .6rem 1rem; background: var(--accent); color: #fff; z-index: 1; }
.toolbar a { color: #fff; }
.toolbar .muted { color: #dfe6f0; }
.toolbar button { font: inherit; padding: .35rem .9rem; border: 2px solid #fff; border-radius: .3rem; background: #fff; color: var(--accent); font-weight: 600; cursor: pointer; }
.toolbar button:focus-visible, .toolbar a:focus-visible { outline: 3px solid #ffd24a; outline-offset: 2px; }
.muted { color: var(--muted); }
code, .code { font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace; }
.digest { font-size: .85em; }
.digest .group { white-space: nowrap; }
/* The command to check the chain is copied whole; on paper it may wrap anywhere rather than widen the page. */
.verify { overflow-wrap: anywhere; }
.signatures { break-inside: avoid; page-break-inside: avoid; }
.nowrap { white-space: nowrap; }

/* ---- session report ---- */
.report { max-width: 62rem; margin: 1.5rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid var(--rule); }
.report-head { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
.report-head h1 { margin: .1rem 0 .3rem; font-size: 1.7rem; }
.kicker { margin: 0; color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
.subtitle { margin: 0 0 .8rem; }
.report h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; padding-bottom: .15rem; border-bottom: 1px solid var(--rule); color: var(--accent); }
.report h3 { font-size: 1rem; margin: .9rem 0 .3rem; }
.facts { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.totals { margin: .2rem 0 .6rem; }
.note { font-size: .85rem; color: var(--muted); margin: .2rem 0 .5rem; }
table { width: 100%; border-collapse: collapse; font-size: .85rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #d5dae2; }
th { background: var(--soft); font-weight: 600; }
tr.absent td { color: var(--muted); }
td.prose { white-space: pre-wrap; }
.alert { color: var(--alert); }
.sign-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.sign-box { border: 1px solid var(--rule); min-height: 6rem; padding: .4rem .6rem; font-size: .85rem; color: var(--muted); }
.report-foot { margin-top: 1.5rem; font-size: .75rem; color: var(--muted); border-top: 1px solid var(--rule); }

/* ---- login slips ---- */
.slips { max-width: 62rem; margin: 1.5rem auto; padding: 0 1rem; }
.sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; margin-bottom: 1rem; }
.address-form { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; max-width: 62rem; margin: 1rem auto 0; padding: 0 1rem; }
.address-form select, .address-form button { font: inherit; }
.address-form .refused { color: var(--alert); flex-basis: 100%; }
.slip { background: #fff; border: 1px dashed #6b7280; padding: .8rem 1rem; break-inside: avoid; page-break-inside: avoid; }
.slip header h1 { font-size: 1.05rem; margin: 0; display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; }
.slip-kicker { font-size: .7rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.slip-title { margin: 0 0 .3rem; font-size: .75rem; color: var(--muted); }
/* The workstation's name across the slip, the QR code beside the two codes, the address under them. */
.slip-station { margin: 0 0 .2rem; line-height: 1.25; overflow-wrap: anywhere; }
.slip-workstation { font-weight: 700; font-size: 1.05rem; }
.slip-body { display: flex; gap: .6rem; align-items: center; justify-content: space-between; margin: 0 0 .2rem; }
.slip dl { flex: 1 1 auto; min-width: 0; margin: 0; }
.slip dt { font-size: .75rem; color: var(--muted); line-height: 1.2; }
.slip dd { margin: 0; line-height: 1.2; }
.slip-code { font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace; font-size: 1.35rem; font-weight: 700; letter-spacing: .08em; }
.slip-candidate { font-size: 1.55rem; }
.slip-qr { width: 22mm; height: 22mm; image-rendering: pixelated; flex: none; }
.slip-url { margin: 0 0 .2rem; line-height: 1.3; overflow-wrap: anywhere; }
.slip-label { font-size: .75rem; color: var(--muted); font-weight: 400; }
.slip-url code { font-size: .75rem; }
.slip-how, .slip-keep { margin: .1rem 0; font-size: .75rem; }
.slip-keep { color: var(--muted); }

@page { size: A4; margin: 14mm 12mm 16mm; }
/* The slips are cut apart: narrower margins (still wider than a printer's unprintable edge) leave
   each slip room for a long workstation and room name. */
@page slips { size: A4; margin: 8mm 10mm; }
@media print {
  html { background: #fff; font-size: 10.5pt; }
  .no-print { display: none !important; }
  .report { max-width: none; margin: 0; padding: 0; border: 0; }
  .report h2 { break-after: avoid; page-break-after: avoid; }
  tr, .facts, .sign-grid { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* A sheet of six is 3 x 90 mm + 2 x 4 mm = 278 mm, inside the 281 mm the slips' page margins leave. */
  .slips { max-width: none; margin: 0; padding: 0; page: slips; }
  .sheet { grid-template-columns: 1fr 1fr; grid-auto-rows: 90mm; gap: 4mm; margin: 0; break-inside: avoid; page-break-inside: avoid; }
  .sheet + .sheet { break-before: page; page-break-before: always; }
  .slip { height: 90mm; overflow: hidden; padding: .6rem .8rem; }
}
`;

/** The print button; nothing else runs on these pages. */
export const printJs = `for (const button of document.querySelectorAll('[data-action="print"]')) button.addEventListener('click', () => window.print());
`;
