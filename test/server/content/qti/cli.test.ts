import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDir, tempDir } from './qti-test-helpers.js';

const work = tempDir();
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs an npm script the way an author does, with tsx. */
function run(script: 'export-cli.ts' | 'import-cli.ts', args: string[]): { status: number | null; stdout: string; stderr: string } {
  const tsx = path.resolve(contentDir, '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [path.resolve(contentDir, '..', 'server', 'content', 'qti', script), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run content:export-qti and content:import-qti', { timeout: 120_000 }, () => {
  it('export then import a bundled pack, each saying what it wrote', () => {
    const zip = path.join(work, 'title.zip');
    const exported = run('export-cli.ts', [path.join(contentDir, 'devops-title-qp'), zip]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .*title\.zip: QTI 3\.0 package of devops-title-qp, 11 files, \d+ bytes\.\n$/);
    const imported = run('import-cli.ts', [zip, path.join(work, 'packs', 'devops-title-qp')]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Wrote the pack .*devops-title-qp: 1 section\(s\), 6 question\(s\)\. Check it with: npm run content:check/);
  });

  it('a refused package: one line per problem, the last says nothing was written, exit code 1, no stack trace', () => {
    const bad = path.join(work, 'bad.zip');
    fs.writeFileSync(bad, 'not a zip');
    const r = run('import-cli.ts', [bad, path.join(work, 'packs', 'bad')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bad\.zip: this is not a readable zip file/), `Nothing was written: ${bad} was not imported.`]);
    expect(fs.existsSync(path.join(work, 'packs', 'bad'))).toBe(false);
  });

  it('says how to call it when an argument is missing', () => {
    const r = run('export-cli.ts', []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Usage: npm run content:export-qti -- <pack folder> <file\.zip>/);
  });
});
