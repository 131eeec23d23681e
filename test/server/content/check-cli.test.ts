import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_PACK_YAML, lineOf, minimalFiles, replaceOnce, tempContentDir, writePack } from './fixtures.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function check(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('npx', ['tsx', 'server/content/check.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run content:check', () => {
  it('exits 0 on the bundled packs and describes them', { timeout: 60_000 }, () => {
    const run = check(['content']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('devops-title-qp: Professional questionnaire');
    expect(run.stdout).toContain('devops-ccp-supervision: ');
    expect(run.stdout).toMatch(/duration: 60 min; 1 section; 6 questions/);
    expect(run.stdout).toMatch(/duration: 75 min; 2 sections; 8 questions/);
    expect(run.stdout).toMatch(/document document\.md \(\d{4} words/);
    expect(run.stdout).toMatch(/section statistics "[^"]+": no document; 3 questions answered in French/);
    expect(run.stdout).toContain('tssr-qp: Professional questionnaire — Systems and networks senior technician');
    expect(run.stdout).toMatch(/duration: 90 min; 6 sections; 15 questions/);
    // Warnings do not stop a pack: each pack still ends with OK, followed by its number of warnings.
    expect(run.stdout.match(/^ {2}OK(?:, \d+ warnings?)?$/gm)).toHaveLength(3);
    expect(run.stdout).toMatch(/^3 packs OK, 0 problems, \d+ warnings?\.$/m);
  });

  it('exits 1 and prints file:line: message for a broken pack', { timeout: 60_000 }, () => {
    const dir = tempContentDir();
    temps.push(dir);
    const yaml = replaceOnce(MIN_PACK_YAML, 'answerLanguage: fr', 'answerLanguag: fr');
    writePack(dir, 'good', minimalFiles());
    writePack(dir, 'broken', { ...minimalFiles(), 'pack.yaml': yaml });
    const run = check([dir]);
    expect(run.status).toBe(1);
    const line = lineOf(yaml, 'answerLanguag: fr');
    expect(run.stderr).toContain(`${path.join(dir, 'broken', 'pack.yaml')}:${line}: section s2: unknown key \`answerLanguag\` (did you mean \`answerLanguage\`?)`);
    expect(run.stdout).toContain('good: Title');
    expect(run.stdout).toMatch(/^1 pack OK, 2 problems, \d+ warnings?\.$/m);
  });

  it('exits 1 when there is no pack at all; uses LECTERN_CONTENT_DIR when no folder is given', { timeout: 60_000 }, () => {
    const dir = tempContentDir();
    temps.push(dir);
    const run = check([], { LECTERN_CONTENT_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Content folder: ${dir}`);
    expect(run.stderr).toContain('No content pack found');
  });
});
