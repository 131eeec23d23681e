// Item 1: an old Node.js stops at once with one sentence naming the version needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FIX_FIRST as binExit, nodeVersionProblem, REQUIRED_NODE_MAJOR } from '../../../bin/node-version.mjs';
import { EXIT_FIX_FIRST } from '../../../server/exit-codes.js';
import { projectRoot } from '../../../server/paths.js';

describe('the Node.js version check', () => {
  it('accepts Node 24 and later, in either spelling', () => {
    for (const version of ['24.0.0', 'v24.11.1', '25.2.0', '30.0.0-pre']) expect(nodeVersionProblem(version)).toBeNull();
  });

  it('refuses anything older with one sentence, in French then English, naming both versions', () => {
    for (const version of ['20.20.2', 'v22.12.0', '23.11.0', '18.0.0', 'garbage']) {
      const problem = nodeVersionProblem(version);
      expect(problem).not.toBeNull();
      expect(problem).not.toContain('\n');
      expect(problem).toContain(`Node.js ${version.replace(/^v/, '')}`);
      expect(problem).toContain('Lectern a besoin de Node.js 24 ou plus récent');
      expect(problem).toContain('Lectern needs Node.js 24 or later');
    }
  });

  it('agrees with package.json engines and with the server on the exit code', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${REQUIRED_NODE_MAJOR}`);
    expect(binExit).toBe(EXIT_FIX_FIRST);
    expect(EXIT_FIX_FIRST).toBe(78);
  });

  // This machine's Debian node is older than 24 (the CI provisions 24 beside it): the real thing.
  const oldNode = '/usr/bin/node';
  const oldMajor = existsSync(oldNode) ? Number(spawnSync(oldNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : NaN;
  it.runIf(oldMajor < REQUIRED_NODE_MAJOR)(`npm start's entry on the machine's Node ${oldMajor} exits 78 with that one sentence, before building or importing anything`, () => {
    for (const entry of ['bin/lectern.mjs', 'bin/kiosk-kit.mjs', 'bin/build.mjs']) {
      const run = spawnSync(oldNode, [join(projectRoot, entry), '--port', '1'], { cwd: projectRoot, encoding: 'utf8', timeout: 20_000 });
      expect(run.status, entry).toBe(78);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([nodeVersionProblem(spawnSync(oldNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim())]);
    }
  });
});
