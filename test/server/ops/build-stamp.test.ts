// Item 2: `npm start` rebuilds only the part whose sources changed. A copy of the built project
// (new file times, same contents) is up to date; an edit to the kiosk rebuilds the client alone.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../../server/paths.js';
import { buildIfStale } from '../../helpers/build-once.js';

let copy = '';
const build = () => execFileSync(process.execPath, [join(copy, 'bin', 'build.mjs'), '--if-stale'], { cwd: copy, encoding: 'utf8', timeout: 300_000 });
const kioskScript = () => /src="\/assets\/(kiosk-[0-9a-f]{12}\.js)"/.exec(readFileSync(join(copy, 'dist', 'client', 'index.html'), 'utf8'))?.[1];
const stamp = () => JSON.parse(readFileSync(join(copy, 'dist', '.build-stamp.json'), 'utf8')) as { server: string; client: string };

beforeAll(() => {
  buildIfStale();
  copy = mkdtempSync(join(tmpdir(), 'lectern-stamp-'));
  for (const entry of ['package.json', 'package-lock.json', 'bin', 'dist', 'server', 'client', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.server.json', 'tsconfig.build.json', 'tsconfig.client.json']) {
    cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true, preserveTimestamps: false });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
}, 620_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

it('rebuilds nothing when the sources are as built, whatever their file times', () => {
  const before = stamp();
  expect(build()).toBe('');
  expect(stamp()).toEqual(before);
});

it('rebuilds the client alone after an edit to the kiosk, once', () => {
  const before = { stamp: stamp(), script: kioskScript() };
  appendFileSync(join(copy, 'client', 'kiosk', 'main.ts'), `\nconsole.debug('build stamp test ${Date.now()}');\n`);
  const output = build();
  expect(output).toMatch(/^Lectern: building the client\.\.\./);
  expect(output).not.toContain('building the server');
  const after = stamp();
  expect(after.server).toBe(before.stamp.server);
  expect(after.client).not.toBe(before.stamp.client);
  expect(kioskScript()).not.toBe(before.script);
  expect(build()).toBe('');
}, 300_000);
