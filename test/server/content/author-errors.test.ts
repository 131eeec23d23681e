// The "Bad input" list for pack authors, for the kinds load-errors.test.ts does not
// already cover: a duration that is not a positive number, a broken `#section` link in a
// document, malformed front matter, a question with no key point. Each names its file and line.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../server/content/load-packs.js';
import type { PackProblem } from '../../../server/content/pack-types.js';
import { MIN_DOC_MD, MIN_PACK_YAML, lineOf, minimalFiles, replaceOnce, tempContentDir, writePack } from './fixtures.js';

let contentDir: string;
beforeEach(() => {
  contentDir = tempContentDir();
});
afterEach(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
});

function load(files: Record<string, string>): PackProblem[] {
  writePack(contentDir, 'p1', { ...minimalFiles(), ...files });
  const result = loadPack(path.join(contentDir, 'p1'));
  if (result.problems.length > 0) expect(result.pack).toBeUndefined();
  return result.problems;
}

function only(problems: PackProblem[]): PackProblem {
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

describe('a duration that is not a positive number', () => {
  it.each([
    ['0', '0'],
    ['-30', '-30'],
    ['"1h30"', '"1h30"'],
  ])('durationMinutes: %s', (value, shown) => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'durationMinutes: 30', `durationMinutes: ${value}`);
    expect(only(load({ 'pack.yaml': yaml }))).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, `durationMinutes: ${value}`),
      message: `pack.yaml: \`durationMinutes\` must be a whole number between 5 and 240, found ${shown}`,
    });
  });
});

describe('a broken section reference in a document', () => {
  it('a link to #heading that matches no heading: the Markdown file, its line, the likely heading', () => {
    const md = MIN_DOC_MD + '\nSee [the timer part](#the-timers) for details.\n';
    expect(only(load({ 'doc.md': md }))).toEqual({
      file: 'p1/doc.md',
      line: lineOf(md, '(#the-timers)'),
      message: 'link to "#the-timers" matches no ## or ### heading of this document (did you mean "#the-timer"?); its heading ids are the-timer, other-part',
    });
  });

  it('a link to an existing heading is accepted', () => {
    expect(load({ 'doc.md': MIN_DOC_MD + '\nSee [the timer part](#the-timer).\n' })).toEqual([]);
  });
});

describe('document front matter', () => {
  const withFront = (front: string): string => `---\n${front}---\n${MIN_DOC_MD}`;

  it('valid front matter is not shown to candidates, and lines after it keep their numbers', () => {
    const md = withFront('language: en\nlevel: B2\nwords: 10-50\n').replace('img/diagram.svg', 'img/missing.svg');
    const p = only(load({ 'doc.md': md }));
    expect(p).toMatchObject({ file: 'p1/doc.md', line: lineOf(md, 'img/missing.svg') });
    writePack(contentDir, 'p2', { ...minimalFiles(), 'doc.md': withFront('language: en\n') });
    const { pack } = loadPack(path.join(contentDir, 'p2'));
    expect(pack?.sections[0]?.documentHtml).not.toContain('language');
    expect(pack?.sections[0]?.documentHtml).not.toContain('<hr');
  });

  it('front matter that is never closed', () => {
    const md = `---\nlevel: B2\n\n${MIN_DOC_MD}`;
    const p = only(load({ 'doc.md': md }));
    expect(p).toEqual({ file: 'p1/doc.md', line: 1, message: expect.stringContaining('the front matter opened by `---` on line 1 is never closed') });
  });

  it('malformed YAML in the front matter: the document and the line', () => {
    const md = withFront('language: en\nlevel: [B2\n');
    const p = only(load({ 'doc.md': md }));
    expect(p).toEqual({ file: 'p1/doc.md', line: lineOf(md, 'level: [B2'), message: expect.stringMatching(/^front matter, YAML syntax: Flow sequence/) });
  });

  it('an unknown key, a level that is not a CEFR level, a word range written backwards', () => {
    const md = withFront('levle: B2\nlevel: B3\nwords: 2000-1200\n');
    const problems = load({ 'doc.md': md });
    expect(problems).toEqual([
      { file: 'p1/doc.md', line: 2, message: 'front matter: unknown key `levle` (did you mean `level`?); the allowed keys are `language`, `level`, `words`' },
      { file: 'p1/doc.md', line: 3, message: 'front matter: `level` must be one of "A1", "A2", "B1", "B2", "C1", "C2", found "B3"' },
      { file: 'p1/doc.md', line: 4, message: 'front matter: `words` must be a number of words (800) or a range written "1200-2000" with the smaller number first, found "2000-1200"' },
    ]);
  });
});

describe('a question with no key point', () => {
  it('is an error, not only a warning: the corrector would have nothing to judge', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '        keyPoints:\n          - id: kp1\n            text: Something.\n', '        keyPoints: []\n');
    expect(only(load({ 'pack.yaml': yaml }))).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'keyPoints: []'),
      message: 'question q2: `keyPoints` is empty; a question needs at least one key point for the corrector',
    });
  });
});
