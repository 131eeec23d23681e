// Parallel forms in the pack format (docs/forms.md): the bundled DevOps title pack's two forms, and
// each way a further form can break the shared specification, named with its file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack, loadPacks } from '../../../server/content/load-packs.js';
import { bundledContentDir } from '../../helpers/build-app.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of the DevOps title pack with one file changed; the problems of loading it. */
function loadWith(file: string, change: (text: string) => string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-forms-'));
  dirs.push(root);
  const dir = path.join(root, 'devops-title-qp');
  fs.cpSync(path.join(bundledContentDir, 'devops-title-qp'), dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = change(before);
  expect(after, 'the change applies').not.toBe(before);
  fs.writeFileSync(target, after);
  return { lines: after.split('\n'), result: loadPack(dir) };
}
const lineOf = (lines: string[], pattern: RegExp, from = 0): number => lines.findIndex((l, i) => i >= from && pattern.test(l)) + 1;

describe('parallel forms of a pack', () => {
  it('load the bundled pack as its first form, the second under its own key', () => {
    const result = loadPacks(bundledContentDir);
    expect(result.problems).toEqual([]);
    const a = result.packs.get('devops-title-qp')!;
    const b = result.forms!.get('devops-title-qp~b')!;
    expect(a.form).toMatchObject({ id: 'a', key: 'devops-title-qp', packId: 'devops-title-qp' });
    expect(b.form).toMatchObject({ id: 'b', key: 'devops-title-qp~b', packId: 'devops-title-qp', file: 'form-b.yaml' });
    expect(b.sections[0]!.documentFile).toBe('form-b-document.md');
    expect(b.sections[0]!.questions.map((q) => q.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    // Another tool, the same kinds of task: a question on a configuration, a procedure, MUST and SHOULD, troubleshooting, a forum reply.
    expect(b.sections[0]!.documentHtml).toContain('logrotate');
    expect(b.sections[0]!.questions.at(-1)!.prompt).toMatch(/Write a reply to .*80 to 120 words/);
    for (const q of b.sections[0]!.questions) expect(q.keyPoints.length).toBeGreaterThanOrEqual(3);
  });

  it('give form B what form A gives its correctors and candidates: variants and misreadings per question, the same writing and key points', () => {
    // Issue 16: accepted variants and likely misreadings per question, one fact per key point (two
    // to four per question, as form A), and a parallel form asks for the same writing in the same
    // time (form A: 320 words over six questions, the forum reply 80 to 120 words).
    const result = loadPacks(bundledContentDir);
    const questions = (key: string) => (key === 'devops-title-qp' ? result.packs.get(key)! : result.forms!.get(key)!).sections.flatMap((s) => s.questions);
    for (const key of ['devops-title-qp', 'devops-title-qp~b']) {
      for (const q of questions(key)) {
        expect(q.acceptedVariants?.length, `${key} ${q.id} accepted variants`).toBeGreaterThan(0);
        expect(q.likelyMisreadings?.length, `${key} ${q.id} likely misreadings`).toBeGreaterThan(0);
        expect(q.keyPoints.length, `${key} ${q.id} key points`).toBeGreaterThanOrEqual(2);
        expect(q.keyPoints.length, `${key} ${q.id} key points`).toBeLessThanOrEqual(4);
      }
    }
    const total = (key: string, of: (q: ReturnType<typeof questions>[number]) => number) => questions(key).reduce((n, q) => n + of(q), 0);
    expect(total('devops-title-qp~b', (q) => q.targetWords)).toBe(total('devops-title-qp', (q) => q.targetWords));
    expect(total('devops-title-qp~b', (q) => q.keyPoints.length)).toBe(total('devops-title-qp', (q) => q.keyPoints.length));
    expect(questions('devops-title-qp~b').at(-1)!.targetWords).toBe(questions('devops-title-qp').at(-1)!.targetWords);
  });

  it('refuse a further form whose section has other rubrics or answer language, at its line in the form’s file', () => {
    const { lines, result } = loadWith('form-b.yaml', (x) => x.replace('    answerLanguage: en\n    rubrics: [reading-b2, writing-b1]', '    answerLanguage: fr\n    rubrics: [reading-b2]'));
    expect(result.pack).toBeUndefined();
    expect(result.problems).toEqual([
      {
        file: 'devops-title-qp/form-b.yaml',
        line: lineOf(lines, /^ {2}- id: s1/),
        message: expect.stringMatching(/^form b, section s1: its answers are in "fr", the first form's in "en"; its rubrics are \[reading-b2\], the first form's \[reading-b2, writing-b1\]; forms share one specification/),
      },
    ]);
  });

  it('refuse a further form with another section id, or a form file that is missing', () => {
    const renamed = loadWith('form-b.yaml', (x) => x.replace('  - id: s1', '  - id: s2'));
    expect(renamed.result.problems.map((p) => [p.file, p.line, p.message.split(';')[0]])).toEqual([['devops-title-qp/form-b.yaml', lineOf(renamed.lines, /^ {2}- id: s2/), 'form b, section s2: its id is "s2" where the first form has "s1"']]);
    const missing = loadWith('pack.yaml', (x) => x.replace('file: form-b.yaml', 'file: form-c.yaml'));
    expect(missing.result.problems).toEqual([{ file: 'devops-title-qp/pack.yaml', line: lineOf(missing.lines, /^ {2}- id: b/), message: 'form b: the file "form-c.yaml" is not in the pack folder; write its path relative to pack.yaml' }]);
  });

  it('refuse a forms list whose first form is a file, or that lists a form twice, or an id unfit for addresses', () => {
    const { lines, result } = loadWith('pack.yaml', (x) => x.replace(/ {2}- id: a\n/, '  - id: b\n    file: form-b.yaml\n'));
    expect(result.problems.map((p) => [p.line, p.message])).toEqual(
      expect.arrayContaining([[lineOf(lines, /^ {2}- id: b/, lineOf(lines, /^ {2}- id: b/)), expect.stringMatching(/form.*b.*twice|more than once|already/i)], [lineOf(lines, /^forms:/) + 1, expect.stringMatching(/^pack\.yaml: the first form must be the sections of pack\.yaml itself/)]]),
    );
    const upper = loadWith('pack.yaml', (x) => x.replace('  - id: b\n', '  - id: B\n'));
    expect(upper.result.problems.map((p) => p.message)).toContainEqual('form B: a form id is used in web addresses: only lowercase letters, digits and hyphens, for example "b"');
  });
});
