// The per-module gate of mutation testing (issue 17), run by `npm run test:mutation` after Stryker:
// Stryker's own `break` threshold only sees all files at once, so a module far under its target
// could hide behind the others. This reads Stryker's report (reports/mutation/mutation.json) and
// the equivalent mutants listed in docs/equivalent-mutants.md (the very list the doc shows: no
// second copy), prints each module's score raw and over non-equivalent mutants, and exits 1 when
// a module is under its target (`mutationModules` in stryker.config.mjs) or when a row of the list
// names a mutant the report no longer has.
//
//   node bin/mutation-gate.mjs [reports/mutation/mutation.json]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

/** Whitespace-insensitive form of a piece of code, as written in the doc or cut from the source. */
const normal = (code) => code.replace(/\s+/g, ' ').trim();

/** The code spans of a markdown table cell (any number of backticks; `\|` is a pipe). */
export function codeSpans(cell) {
  const spans = [];
  let i = 0;
  while (i < cell.length) {
    const open = /`+/.exec(cell.slice(i));
    if (!open) break;
    const start = i + open.index + open[0].length;
    const close = new RegExp(`(?<!\`)${open[0]}(?!\`)`).exec(cell.slice(start));
    if (!close) break;
    let text = cell.slice(start, start + close.index).replace(/\\\|/g, '|');
    if (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') text = text.slice(1, -1);
    spans.push(text);
    i = start + close.index + close[0].length;
  }
  return spans;
}

/** A table row's cells, split on the pipes that are not escaped. */
function cells(line) {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/**
 * The equivalent mutants of docs/equivalent-mutants.md. Each heading that names a source file
 * (`## server/exam/timing.ts …`) starts that file's table; each row is
 * `| in | code | becomes | why |`: the function the mutant is in (`—` for anywhere in the file),
 * the code Stryker changes, what it becomes (one or more code spans) and the reason. Code ending in
 * `…` matches any code that starts so.
 * @returns {{ file: string, within: string | null, code: string, becomes: string[], why: string, docLine: number }[]}
 */
export function parseEquivalents(markdown) {
  const rows = [];
  let file = null;
  markdown.split('\n').forEach((line, index) => {
    const heading = /^#{2,6}\s+(.*)$/.exec(line);
    if (heading) {
      file = /(?:^|\s|`)((?:client|server|bin|test)\/[\w./-]+\.[cm]?[jt]s)\b/.exec(heading[1])?.[1] ?? null;
      return;
    }
    if (!file || !line.trim().startsWith('|') || /^\s*\|[\s|:-]+\|\s*$/.test(line)) return;
    const [within, code, becomes, why] = cells(line);
    const codes = codeSpans(code ?? '');
    if (codes.length !== 1) return; // the header row
    const withinName = codeSpans(within ?? '')[0] ?? null;
    rows.push({ file, within: withinName, code: codes[0], becomes: codeSpans(becomes ?? ''), why: why ?? '', docLine: index + 1 });
  });
  return rows;
}

/**
 * The name of the function or method whose body holds `line` (1-based), or null at the top level:
 * the nearest line above, less indented, that opens a function (`name(…) {`, `function name(`,
 * `const name = (…) => {`); a multi-line signature is followed up to its first line.
 */
export function enclosingFunction(sourceLines, line) {
  const header = /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*(\w+)|(?:(?:private|public|protected|static|readonly|override|async|get|set)\s+)*(\w+)\s*(?:<[^>]*>)?\s*\(|(?:const|let)\s+(\w+)\s*=)/;
  const control = /^\s*(?:if|for|while|switch|catch|return|else|do|try)\b/;
  const indent = (text) => /^\s*/.exec(text)[0].length;
  const opens = (text) => {
    const found = header.exec(text);
    if (!found || control.test(text) || !/[{(]\s*$/.test(text)) return null;
    return found[1] ?? found[2] ?? found[3];
  };
  const own = opens(sourceLines[line - 1] ?? '');
  if (own) return own;
  let limit = indent(sourceLines[line - 1] ?? '');
  for (let i = line - 2; i >= 0; i--) {
    const text = sourceLines[i];
    if (text.trim() === '' || indent(text) >= limit) continue;
    if (/^\s*\)/.test(text)) {
      // The end of a multi-line signature: its first line is above, at this indentation.
      limit = indent(text) + 1;
      continue;
    }
    const name = opens(text);
    if (name) return name;
    limit = indent(text);
    if (limit === 0) return null;
  }
  return null;
}

/** The code a mutant replaces, cut from the file's source by its location (lines and columns from 1). */
export function mutatedCode(sourceLines, location) {
  const { start, end } = location;
  if (start.line === end.line) return sourceLines[start.line - 1].slice(start.column - 1, end.column - 1);
  const parts = [sourceLines[start.line - 1].slice(start.column - 1)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(sourceLines[l - 1]);
  parts.push(sourceLines[end.line - 1].slice(0, end.column - 1));
  return parts.join('\n');
}

function codeMatches(pattern, code) {
  const p = normal(pattern);
  return p.endsWith('…') ? normal(code).startsWith(p.slice(0, -1).trimEnd()) : normal(code) === p;
}

/** Whether a row of the list names this mutant of `file`. */
function rowMatches(row, file, sourceLines, mutant) {
  if (row.file !== file) return false;
  if (!codeMatches(row.code, mutatedCode(sourceLines, mutant.location))) return false;
  if (!row.becomes.some((becomes) => codeMatches(becomes, mutant.replacement ?? ''))) return false;
  return row.within === null || row.within === '—' || row.within === enclosingFunction(sourceLines, mutant.location.start.line);
}

/**
 * Each module's figures from a Stryker JSON report. `equivalent` counts the mutants that survived
 * and that a row of the list names; `score` is over the others (null when nothing was tested).
 */
export function moduleScores(report, modules, equivalents) {
  const rowUse = new Map(equivalents.map((row) => [row, { survived: 0, killed: 0 }]));
  const results = modules.map((module) => {
    const counts = { detected: 0, undetected: 0, equivalent: 0, filesInReport: 0 };
    const survivors = [];
    for (const file of module.files) {
      const entry = report.files?.[file];
      if (!entry) continue;
      counts.filesInReport++;
      const lines = entry.source.split('\n');
      const rows = equivalents.filter((row) => row.file === file);
      for (const mutant of entry.mutants) {
        const isDetected = detected.has(mutant.status);
        if (!isDetected && !undetected.has(mutant.status)) continue;
        const row = rows.find((r) => rowMatches(r, file, lines, mutant));
        if (row) rowUse.get(row)[isDetected ? 'killed' : 'survived']++;
        if (isDetected) counts.detected++;
        else if (row) counts.equivalent++;
        else {
          counts.undetected++;
          survivors.push({ file, line: mutant.location.start.line, status: mutant.status, code: normal(mutatedCode(lines, mutant.location)), replacement: normal(mutant.replacement ?? '') });
        }
      }
    }
    const tested = counts.detected + counts.undetected + counts.equivalent;
    const nonEquivalent = counts.detected + counts.undetected;
    const score = nonEquivalent === 0 ? null : (100 * counts.detected) / nonEquivalent;
    return {
      name: module.name,
      target: module.target,
      files: module.files.length,
      ...counts,
      tested,
      raw: tested === 0 ? null : (100 * counts.detected) / tested,
      score,
      passes: score === null || score >= module.target,
      survivors,
    };
  });
  const inReport = new Set(Object.keys(report.files ?? {}));
  const stale = equivalents.filter((row) => inReport.has(row.file) && rowUse.get(row).survived + rowUse.get(row).killed === 0);
  const killedOnly = equivalents.filter((row) => rowUse.get(row).killed > 0 && rowUse.get(row).survived === 0);
  return { modules: results, stale, killedOnly };
}

const percent = (value) => (value === null ? '—' : `${(Math.floor(value * 100) / 100).toFixed(2)} %`);

/** The lines the gate prints, and whether it passes. */
export function gateReport(result) {
  const lines = ['Mutation score per module (killed or timed out, over the mutants tested; then over the non-equivalent ones, docs/equivalent-mutants.md):'];
  const width = Math.max(...result.modules.map((m) => m.name.length));
  for (const m of result.modules) {
    const partial = m.filesInReport < m.files ? ` (${m.filesInReport} of ${m.files} files in the report)` : '';
    if (m.filesInReport === 0) {
      lines.push(`  ${m.name.padEnd(width)}  not in this report`);
      continue;
    }
    if (m.tested === 0) {
      lines.push(`  ${m.name.padEnd(width)}  no mutant tested (all ignored)${partial}`);
      continue;
    }
    lines.push(
      `  ${m.name.padEnd(width)}  raw ${percent(m.raw).padStart(8)} (${m.detected}/${m.tested})  over non-equivalent ${percent(m.score).padStart(8)} (${m.detected}/${m.detected + m.undetected}, ${m.equivalent} equivalent)  target ${m.target} %  ${m.passes ? 'ok' : 'UNDER TARGET'}${partial}`,
    );
  }
  const failing = result.modules.filter((m) => !m.passes);
  for (const m of failing) {
    lines.push(`${m.name}: ${percent(m.score)} of its non-equivalent mutants killed, under its target of ${m.target} %. Mutants left (kill them with a test, or list them with the reason in docs/equivalent-mutants.md):`);
    for (const s of m.survivors.slice(0, 40)) lines.push(`  ${s.file}:${s.line} ${s.status}: \`${s.code.slice(0, 70)}\` → \`${s.replacement.slice(0, 70)}\``);
    if (m.survivors.length > 40) lines.push(`  … and ${m.survivors.length - 40} more (reports/mutation/mutation.html).`);
  }
  for (const row of result.stale) {
    lines.push(`docs/equivalent-mutants.md line ${row.docLine}: no mutant of ${row.file} matches \`${row.code}\` → ${row.becomes.map((b) => `\`${b}\``).join(', ')}${row.within ? ` in ${row.within}` : ''}: update or remove the row.`);
  }
  for (const row of result.killedOnly) {
    lines.push(`Note: docs/equivalent-mutants.md line ${row.docLine} (${row.file}, \`${row.code}\`) names only mutants the tests kill: it is not equivalent, remove the row.`);
  }
  const passes = failing.length === 0 && result.stale.length === 0;
  lines.push(passes ? 'Every module meets its target.' : `Mutation gate failed: ${failing.length} module(s) under target, ${result.stale.length} stale row(s) in docs/equivalent-mutants.md.`);
  return { lines, passes };
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const reportFile = process.argv[2] ?? join(root, 'reports/mutation/mutation.json');
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    console.error(`Mutation gate: no readable Stryker report at ${reportFile}: run \`npm run test:mutation\` (or \`npx stryker run\`) first.`);
    process.exit(2);
  }
  const { mutationModules } = await import(pathToFileURL(join(root, 'stryker.config.mjs')).href);
  const equivalents = parseEquivalents(readFileSync(join(root, 'docs/equivalent-mutants.md'), 'utf8'));
  const { lines, passes } = gateReport(moduleScores(report, mutationModules, equivalents));
  console.log(lines.join('\n'));
  process.exit(passes ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
