// The per-module gate of mutation testing (issue 17): each module against its own target, over
// the mutants docs/equivalent-mutants.md does not list, read from that very file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  codeSpans,
  enclosingFunction,
  gateReport,
  moduleScores,
  mutatedCode,
  parseEquivalents,
  type MutationModule,
  type MutationReport,
  type ReportMutant,
} from '../../../bin/mutation-gate.mjs';
import { projectRoot } from '../../../server/paths.js';

const source = ['export function later(x: number): number {', '  if (x > 0) return 1;', '  return 0;', '}', 'export function sooner(x: number): number {', '  if (x > 0) return 2;', '  return 0;', '}', ''].join('\n');

/** A mutant of `x > 0` on `line` of the source above. */
const mutant = (line: number, replacement: string, status: string): ReportMutant => ({
  replacement,
  status,
  location: { start: { line, column: 7 }, end: { line, column: 12 } },
});

function report(mutants: ReportMutant[]): MutationReport {
  return { files: { 'server/exam/rule.ts': { source, mutants } } };
}

const modules: MutationModule[] = [{ name: 'the rule', target: 95, files: ['server/exam/rule.ts'] }];

const list = (rows: string) => `# Equivalent mutants\n\n## server/exam/rule.ts\n\n| in | code | becomes | why |\n|---|---|---|---|\n${rows}\n`;
const equivalentInLater = list('| `later` | `x > 0` | `x >= 0` | Zero never reaches it. |');

describe('the list of equivalent mutants as the gate reads it', () => {
  it('takes code spans of any number of backticks, with escaped pipes', () => {
    expect(codeSpans('`a \\|\\| b`, `c`')).toEqual(['a || b', 'c']);
    expect(codeSpans('`` `${x}.` `` and more')).toEqual(['`${x}.`']);
    expect(codeSpans('no code')).toEqual([]);
  });

  it('reads one row per mutant group under the heading that names the file, and skips the header row', () => {
    const rows = parseEquivalents(`${list('| `later` | `x > 0` | `true`, `x >= 0` | Zero never reaches it. |\n| — | `a \\|\\| b` | `a && b` | Both set together. |')}\n## Notes\n\n| in | code | becomes | why |\n|---|---|---|---|\n| — | \`y\` | \`z\` | not under a file |`);
    expect(rows).toEqual([
      { file: 'server/exam/rule.ts', within: 'later', code: 'x > 0', becomes: ['true', 'x >= 0'], why: 'Zero never reaches it.', docLine: 7 },
      { file: 'server/exam/rule.ts', within: null, code: 'a || b', becomes: ['a && b'], why: 'Both set together.', docLine: 8 },
    ]);
  });

  it('finds the function a line is in, across a signature written on several lines', () => {
    const lines = ['export class Queue {', '  private sendDue(): void {', '    if (x) {', '      this.changed();', '    }', '  }', '}', 'export function merge(', '  a: number,', '): number {', '  return a;', '}'];
    expect(enclosingFunction(lines, 4)).toBe('sendDue');
    expect(enclosingFunction(lines, 2)).toBe('sendDue');
    expect(enclosingFunction(lines, 11)).toBe('merge');
    expect(enclosingFunction(lines, 1)).toBeNull();
  });

  it('cuts a mutant’s code out of the source, on one line or several', () => {
    const lines = source.split('\n');
    expect(mutatedCode(lines, { start: { line: 2, column: 7 }, end: { line: 2, column: 12 } })).toBe('x > 0');
    expect(mutatedCode(lines, { start: { line: 1, column: 42 }, end: { line: 4, column: 2 } })).toBe('{\n  if (x > 0) return 1;\n  return 0;\n}');
  });

  it('is the project’s own list: every row under a mutated file, with what it becomes and a reason', async () => {
    const { mutationModules } = (await import(pathToFileURL(join(projectRoot, 'stryker.config.mjs')).href)) as { mutationModules: MutationModule[] };
    const mutated = new Set(mutationModules.flatMap((module) => module.files));
    const rows = parseEquivalents(readFileSync(join(projectRoot, 'docs/equivalent-mutants.md'), 'utf8'));
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(mutated.has(row.file), `${row.file} (line ${row.docLine})`).toBe(true);
      expect(row.becomes.length, `line ${row.docLine}`).toBeGreaterThan(0);
      expect(row.why.length, `line ${row.docLine}`).toBeGreaterThan(5);
    }
  });
});

describe('the score of a module', () => {
  it('is given raw and over the mutants not listed as equivalent, and passes at its target', () => {
    const killed = Array.from({ length: 19 }, () => mutant(2, 'true', 'Killed'));
    const result = moduleScores(report([...killed, mutant(6, 'false', 'Timeout'), mutant(2, 'x >= 0', 'Survived'), mutant(2, 'x >= 0', 'Ignored')]), modules, parseEquivalents(equivalentInLater));
    expect(result.modules[0]).toMatchObject({ detected: 20, undetected: 0, equivalent: 1, tested: 21, passes: true });
    expect(result.modules[0]!.raw).toBeCloseTo((100 * 20) / 21);
    expect(result.modules[0]!.score).toBe(100);
    const { lines, passes } = gateReport(result);
    expect(passes).toBe(true);
    expect(lines.join('\n')).toContain('the rule  raw  95.23 % (20/21)  over non-equivalent 100.00 % (20/20, 1 equivalent)  target 95 %  ok');
  });

  it('fails under its target and names the mutants left, even when the run as a whole would pass', () => {
    const killed = Array.from({ length: 18 }, () => mutant(2, 'true', 'Killed'));
    const result = moduleScores(report([...killed, mutant(6, 'x >= 0', 'Survived'), mutant(2, 'x < 0', 'NoCoverage')]), modules, []);
    expect(result.modules[0]).toMatchObject({ detected: 18, undetected: 2, equivalent: 0, score: 90, passes: false });
    const { lines, passes } = gateReport(result);
    expect(passes).toBe(false);
    const text = lines.join('\n');
    expect(text).toContain('the rule: 90.00 % of its non-equivalent mutants killed, under its target of 95 %.');
    expect(text).toContain('server/exam/rule.ts:6 Survived: `x > 0` → `x >= 0`');
    expect(text).toContain('server/exam/rule.ts:2 NoCoverage: `x > 0` → `x < 0`');
    expect(text).toContain('Mutation gate failed: 1 module(s) under target, 0 stale row(s) in docs/equivalent-mutants.md.');
  });

  it('excuses a listed mutant only in the function its row names', () => {
    const result = moduleScores(report([mutant(2, 'x >= 0', 'Survived'), mutant(6, 'x >= 0', 'Survived')]), modules, parseEquivalents(equivalentInLater));
    expect(result.modules[0]).toMatchObject({ detected: 0, undetected: 1, equivalent: 1 });
    const anywhere = moduleScores(report([mutant(2, 'x >= 0', 'Survived'), mutant(6, 'x >= 0', 'Survived')]), modules, parseEquivalents(list('| — | `x > 0` | `x >= 0` | Zero never reaches either. |')));
    expect(anywhere.modules[0]).toMatchObject({ undetected: 0, equivalent: 2, score: null, passes: true });
  });

  it('fails on a row that names no mutant any more, and notes one whose mutants are all killed', () => {
    const rows = parseEquivalents(list('| `later` | `x > 1` | `x >= 1` | The code changed since. |\n| `later` | `x > 0` | `true` | Wrongly listed. |'));
    const result = moduleScores(report([mutant(2, 'true', 'Killed')]), modules, rows);
    expect(result.stale.map((row) => row.code)).toEqual(['x > 1']);
    expect(result.killedOnly.map((row) => row.code)).toEqual(['x > 0']);
    const { lines, passes } = gateReport(result);
    expect(passes).toBe(false);
    expect(lines.join('\n')).toContain('docs/equivalent-mutants.md line 7: no mutant of server/exam/rule.ts matches `x > 1` → `x >= 1` in later: update or remove the row.');
    expect(lines.join('\n')).toContain('Note: docs/equivalent-mutants.md line 8 (server/exam/rule.ts, `x > 0`) names only mutants the tests kill');
  });

  it('says which modules a partial run left out, and does not fail them', () => {
    const result = moduleScores(report([mutant(2, 'true', 'Killed')]), [...modules, { name: 'other', target: 90, files: ['server/other.ts'] }], []);
    const { lines, passes } = gateReport(result);
    expect(passes).toBe(true);
    expect(lines.join('\n')).toMatch(/other +not in this report/);
  });
});

describe('the gate as npm run test:mutation runs it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const gate = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'bin/mutation-gate.mjs'), ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 20_000 });

  it('exits 0 when every module in the report meets its target, 1 when one does not', () => {
    const file = join(dir, 'mutation.json');
    const revision = readFileSync(join(projectRoot, 'server/contract/rules/revision.ts'), 'utf8');
    const at = (status: string): ReportMutant => ({ replacement: 'true', status, location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } });
    writeFileSync(file, JSON.stringify({ files: { 'server/contract/rules/revision.ts': { source: revision, mutants: [at('Killed'), at('Killed')] } } }));
    const passing = gate(file);
    expect(passing.status, passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/revision +raw +100\.00 % \(2\/2\)/);
    expect(passing.stdout).toContain('Every module meets its target.');
    writeFileSync(file, JSON.stringify({ files: { 'server/contract/rules/revision.ts': { source: revision, mutants: [at('Killed'), at('Survived')] } } }));
    const failing = gate(file);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('revision: 50.00 % of its non-equivalent mutants killed, under its target of 90 %.');
  });

  it('says in one sentence what to run when there is no report', () => {
    const run = gate(join(dir, 'missing.json'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('run `npm run test:mutation`');
  });
});
