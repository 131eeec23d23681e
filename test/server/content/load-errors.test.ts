import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack, loadPacks } from '../../../server/content/load-packs.js';
import type { PackProblem } from '../../../server/content/pack-types.js';
import { MIN_DOC_MD, MIN_PACK_YAML, MIN_SVG, lineOf, minimalFiles, replaceOnce, tempContentDir, writePack } from './fixtures.js';

let contentDir: string;
beforeEach(() => {
  contentDir = tempContentDir();
});
afterEach(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
});

/** Loads a pack made of the minimal files with pack.yaml (and optionally others) replaced. */
function loadWith(yaml: string, extra: Record<string, string> = {}, id = 'p1'): PackProblem[] {
  writePack(contentDir, id, { ...minimalFiles(), 'pack.yaml': yaml, ...extra });
  const result = loadPack(path.join(contentDir, id));
  if (result.problems.length > 0) expect(result.pack).toBeUndefined();
  return result.problems;
}

function only(problems: PackProblem[]): PackProblem {
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

describe('the minimal fixture', () => {
  it('loads with no problem, so each test below fails because of its own change only', () => {
    writePack(contentDir, 'p1', minimalFiles());
    const { pack, problems } = loadPack(path.join(contentDir, 'p1'));
    expect(problems).toEqual([]);
    expect(pack?.id).toBe('p1');
    expect(pack?.sections.map((s) => s.questions.map((q) => q.id))).toEqual([['q1', 'q2'], ['q3']]);
    expect(pack?.sections[0]?.questions[0]?.line).toBe(lineOf(MIN_PACK_YAML, '- id: q1'));
    expect(pack?.sections[0]?.questions[0]?.promptHtml).toBe('<p>What does <strong>the timer</strong> do?</p>\n');
    expect(pack?.sections[0]?.documentToc).toEqual([
      { id: 'the-timer', text: 'The timer', depth: 2 },
      { id: 'other-part', text: 'Other part', depth: 2 },
    ]);
    expect(pack?.rubrics.writing).toMatchObject({ kind: 'writing', threshold: { minBandEach: 2, minTotal: 3 } });
    expect(pack?.rubrics.writing?.kind === 'writing' && pack.rubrics.writing.criteria[0]?.bands[3]).toEqual({ fr: 'trois', en: 'three' });
    expect(pack?.rubrics.skills).toMatchObject({ kind: 'competence', threshold: { partlyCountsAsMet: false } });
    expect(pack?.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('problems in pack.yaml name the file and the line', () => {
  it('a mistyped key: says which key, suggests the right one and lists the allowed keys', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '        targetWords: 40\n', '        targetWord: 40\n');
    const problems = loadWith(yaml);
    const unknown = problems.find((p) => p.message.includes('unknown key'));
    expect(unknown).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'targetWord: 40'),
      message: expect.stringContaining('question q2: unknown key `targetWord` (did you mean `targetWords`?)'),
    });
    expect(unknown!.message).toContain('`id`, `prompt`, `keyPoints`, `targetWords`, `documentAnchor`');
    // The required key is now missing as well, reported on the question's first line.
    expect(problems.find((p) => p.message.includes('`targetWords` is missing'))?.line).toBe(lineOf(yaml, '- id: q2'));
    expect(problems).toHaveLength(2);
  });

  it('targetWords that is not a number', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'targetWords: 40', 'targetWords: abc');
    expect(only(loadWith(yaml))).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'targetWords: abc'),
      message: 'question q2: `targetWords` must be a whole number between 10 and 1000, found "abc"',
    });
  });

  it('targetWords out of range', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'targetWords: 100', 'targetWords: 5000');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'targetWords: 5000'));
    expect(p.message).toBe('question q3: `targetWords` must be a whole number between 10 and 1000, found 5000');
  });

  it('durationMinutes out of 5..240', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'durationMinutes: 30', 'durationMinutes: 300');
    expect(only(loadWith(yaml))).toEqual({
      file: 'p1/pack.yaml',
      line: 7,
      message: 'pack.yaml: `durationMinutes` must be a whole number between 5 and 240, found 300',
    });
  });

  it('a missing required field is reported where its block starts', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '        prompt: Second question?\n', '');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, '- id: q2'));
    expect(p.message).toBe('question q2: `prompt` is missing');
  });

  it('a localized text without its English version', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'title: { fr: Partie 2, en: Part 2 }', 'title: { fr: Partie 2 }');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'title: { fr: Partie 2 }'));
    expect(p.message).toBe('section s2, `title`: `en` is missing');
  });

  it('question ids must be unique across the whole pack, not only within a section', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '- id: q3', '- id: q1');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, '- id: q1', 2));
    expect(p.message).toContain('question id `q1` is used twice (first on line ' + lineOf(yaml, '- id: q1') + ')');
  });

  it('duplicate key point ids within a question', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '          - id: kp2\n', '          - id: kp1\n');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, '- id: kp1', 2));
    expect(p.message).toMatch(/^key point id `kp1` is used twice \(first on line \d+\); key point ids must be unique within question q1$/);
  });

  it('duplicate section ids', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '  - id: s2\n', '  - id: s1\n');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, '- id: s1', 2));
    expect(p.message).toContain('section id `s1` is used twice');
  });

  it('a rubric referenced but not declared', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'rubrics: [skills]', 'rubrics: [skill]');
    const problems = loadWith(yaml);
    const notDeclared = problems.find((p) => p.message.includes('not declared'));
    expect(notDeclared).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'rubrics: [skill]'),
      message: 'section s2: rubric `skill` is not declared under `rubrics:`; the declared rubrics are `reading`, `writing`, `skills`',
    });
    // And the rubric that is now used by nobody is pointed out where it is declared.
    expect(problems.find((p) => p.message.includes('no section uses it'))?.line).toBe(lineOf(yaml, '- id: skills'));
    expect(problems).toHaveLength(2);
  });

  it('answerLanguage must be en or fr', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'answerLanguage: fr', 'answerLanguage: de');
    expect(only(loadWith(yaml))).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'answerLanguage: de'),
      message: 'section s2: `answerLanguage` must be one of "en", "fr", found "de"',
    });
  });

  it('writing bands must be exactly 1, 3 and 5', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '          5: { fr: cinq, en: five }', '          4: { fr: quatre, en: four }');
    const problems = loadWith(yaml);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, '4: { fr: quatre'),
      message: 'rubric writing, criterion task, `bands`: descriptors are written for bands 1, 3 and 5 exactly (2 and 4 lie between them), found band 4',
    });
    expect(problems[1]?.message).toBe('rubric writing, criterion task, `bands`: the descriptor for band 5 is missing (bands 1, 3 and 5 are required)');
    expect(problems[1]?.line).toBe(lineOf(yaml, '1: { fr: un'));
  });

  it('thresholds in range', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'minKeyPointShare: 0.6', 'minKeyPointShare: 1.5');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'minKeyPointShare: 1.5'));
    expect(p.message).toContain('`minKeyPointShare` must be a number between 0 and 1');
    const yaml2 = replaceOnce(MIN_PACK_YAML, 'minTotal: 3', 'minTotal: 6');
    const p2 = only(loadWith(yaml2, {}, 'p2'));
    expect(p2.line).toBe(lineOf(yaml2, 'minTotal: 6'));
    expect(p2.message).toContain('(1 criteria, 5 bands each): `minTotal` must be a whole number between 0 and 5, found 6');
  });

  it('an unknown rubric kind', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'kind: competence', 'kind: skills');
    const problems = loadWith(yaml);
    expect(problems[0]).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'kind: skills'),
      message: 'rubric skills: `kind` must be one of "reading", "writing", "competence", found "skills"',
    });
  });

  it('a reading rubric on a section with no document', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'rubrics: [skills]', 'rubrics: [skills, reading]');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'rubrics: [skills, reading]'));
    expect(p.message).toBe('section s2: rubric `reading` is a reading rubric but the section has no `document` to read');
  });

  it('a YAML syntax error', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'durationMinutes: 30\n', 'durationMinutes: 30\ndurationMinutes: 40\n');
    const p = only(loadWith(yaml));
    expect(p.file).toBe('p1/pack.yaml');
    expect(p.line).toBe(8);
    expect(p.message).toMatch(/^YAML syntax: Map keys must be unique/);
  });

  it('a value of the wrong shape', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '    rubrics: [reading, writing]', '    rubrics: reading');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'rubrics: reading'));
    expect(p.message).toBe('section s1: `rubrics` must be a list (lines starting with "- "), found "reading"');
  });
});

describe('problems with documents and images', () => {
  it('a document that does not exist: the yaml line that names it', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'document: doc.md', 'document: docs.md');
    const problems = loadWith(yaml);
    expect(problems[0]).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'document: docs.md'),
      message: 'section s1: `document`: the file "docs.md" does not exist in the pack folder',
    });
  });

  it('a document outside the pack folder', () => {
    fs.writeFileSync(path.join(contentDir, 'outside.md'), '## Hello\n\ntext\n');
    const yaml = replaceOnce(MIN_PACK_YAML, 'document: doc.md', 'document: ../outside.md');
    const problems = loadWith(yaml);
    expect(problems[0]?.line).toBe(lineOf(yaml, 'document: ../outside.md'));
    expect(problems[0]?.message).toContain('is outside the pack folder');
  });

  it('a missing image: the Markdown file and its line', () => {
    const md = MIN_DOC_MD.replace('img/diagram.svg', 'img/diagramme.svg');
    const p = only(loadWith(MIN_PACK_YAML, { 'doc.md': md }));
    expect(p).toEqual({
      file: 'p1/doc.md',
      line: lineOf(md, 'img/diagramme.svg'),
      message: 'image "img/diagramme.svg": the file "img/diagramme.svg" does not exist in the pack folder',
    });
  });

  it('an image path escaping the pack with ..', () => {
    fs.writeFileSync(path.join(contentDir, 'secret.png'), 'x');
    const md = MIN_DOC_MD + '\nSee ![x](../secret.png) too.\n';
    const p = only(loadWith(MIN_PACK_YAML, { 'doc.md': md }));
    expect(p.file).toBe('p1/doc.md');
    expect(p.line).toBe(lineOf(md, '../secret.png'));
    expect(p.message).toContain('is outside the pack folder');
  });

  it('an image from the internet, and a raw HTML image', () => {
    const md = MIN_DOC_MD + '\n![x](https://example.com/a.png)\n\n<img src="missing.png" alt="">\n';
    const problems = loadWith(MIN_PACK_YAML, { 'doc.md': md });
    expect(problems).toHaveLength(2);
    expect(problems[0]?.line).toBe(lineOf(md, 'https://example.com/a.png'));
    expect(problems[0]?.message).toContain('the exam room has no internet');
    expect(problems[1]).toMatchObject({ file: 'p1/doc.md', line: lineOf(md, '<img src="missing.png"') });
  });

  it('a documentAnchor that matches no heading: the yaml line, with the ids there are', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'documentAnchor: the-timer', 'documentAnchor: the-timers');
    expect(only(loadWith(yaml))).toEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, 'documentAnchor: the-timers'),
      message: 'question q1: `documentAnchor` "the-timers" matches no ## or ### heading of doc.md (did you mean "the-timer"?); its heading ids are the-timer, other-part',
    });
  });

  it('a documentAnchor in a section without a document', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '        targetWords: 100\n', '        targetWords: 100\n        documentAnchor: the-timer\n');
    const p = only(loadWith(yaml));
    expect(p.line).toBe(lineOf(yaml, 'documentAnchor: the-timer', 2));
    expect(p.message).toBe('question q3: `documentAnchor` is set but section s2 has no `document`');
  });

  it('an SVG holding a script is refused, naming the SVG file and line', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="1" height="1"/>\n<script>alert(1)</script>\n</svg>\n';
    const p = only(loadWith(MIN_PACK_YAML, { 'img/diagram.svg': svg }));
    expect(p).toEqual({ file: 'p1/img/diagram.svg', line: 3, message: expect.stringContaining('contains a <script> element') });
  });

  it('a .png that is not a PNG', () => {
    const md = MIN_DOC_MD + '\n![x](photo.png)\n';
    const p = only(loadWith(MIN_PACK_YAML, { 'doc.md': md, 'photo.png': '<html>' }));
    expect(p).toEqual({ file: 'p1/photo.png', line: 1, message: 'this file is named .png but its content is not a PNG image' });
  });
});

describe('loadPacks', () => {
  it('keeps good packs, leaves out broken ones and returns their problems', () => {
    writePack(contentDir, 'good', minimalFiles());
    writePack(contentDir, 'broken', { ...minimalFiles(), 'pack.yaml': replaceOnce(MIN_PACK_YAML, 'targetWords: 40', 'targetWords: "forty"') });
    writePack(contentDir, '_drafts', { 'notes.txt': 'ignored' });
    fs.writeFileSync(path.join(contentDir, 'README.md'), '# not a pack\n');
    const result = loadPacks(contentDir);
    expect([...result.packs.keys()]).toEqual(['good']);
    expect(result.problems).toEqual([
      { file: 'broken/pack.yaml', line: lineOf(MIN_PACK_YAML, 'targetWords: 40'), message: 'question q2: `targetWords` must be a whole number between 10 and 1000, found "forty"' },
    ]);
  });

  it('a folder without pack.yaml, with a hint when pack.yml exists', () => {
    writePack(contentDir, 'typo', { 'pack.yml': MIN_PACK_YAML });
    const result = loadPacks(contentDir);
    expect(result.packs.size).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'typo/pack.yaml', line: 1 });
    expect(result.problems[0]?.message).toContain('rename "pack.yml" to "pack.yaml"');
  });

  it('a pack folder name that cannot be used in a URL', () => {
    writePack(contentDir, 'My Pack', minimalFiles());
    const result = loadPacks(contentDir);
    expect(result.packs.size).toBe(0);
    expect(result.problems[0]?.file).toBe('My Pack/pack.yaml');
    expect(result.problems[0]?.message).toContain('lowercase letters, digits and hyphens');
  });

  it('a content folder that does not exist', () => {
    const result = loadPacks(path.join(contentDir, 'nope'));
    expect(result.packs.size).toBe(0);
    expect(result.problems[0]?.message).toContain('does not exist');
  });

  it('the digest changes when any file of the pack changes, and only then', () => {
    const dir = writePack(contentDir, 'p1', minimalFiles());
    const d1 = loadPack(dir).pack?.digest;
    expect(loadPack(dir).pack?.digest).toBe(d1);
    fs.writeFileSync(path.join(dir, 'img', 'diagram.svg'), MIN_SVG.replace('#eee', '#ddd'));
    const d2 = loadPack(dir).pack?.digest;
    expect(d2).toMatch(/^[0-9a-f]{64}$/);
    expect(d2).not.toBe(d1);
  });
});

describe('more duplicate ids', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempContentDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a rubric id declared twice, and a criterion id used twice in a rubric', () => {
    // The competence rubric takes the id of the writing rubric, and gets a second criterion `relevant`.
    const yaml = replaceOnce(MIN_PACK_YAML, '  - id: skills\n', '  - id: writing\n').replace(
      "          notMet: { fr: non atteint, en: not met }\n",
      "          notMet: { fr: non atteint, en: not met }\n      - id: relevant\n        title: { fr: Encore, en: Again }\n        descriptors:\n          met: { fr: a, en: a }\n          partly: { fr: b, en: b }\n          notMet: { fr: c, en: c }\n",
    );
    writePack(dir, 'p1', { ...minimalFiles(), 'pack.yaml': yaml });
    const { pack, problems } = loadPack(path.join(dir, 'p1'));
    expect(pack).toBeUndefined();
    expect(problems).toContainEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, '- id: writing', 2),
      message: `rubric id \`writing\` is used twice (first on line ${lineOf(yaml, '- id: writing')}); rubric ids must be unique in the pack`,
    });
    expect(problems).toContainEqual({
      file: 'p1/pack.yaml',
      line: lineOf(yaml, '- id: relevant', 2),
      message: `criterion id \`relevant\` is used twice (first on line ${lineOf(yaml, '- id: relevant')}); criterion ids must be unique within rubric writing`,
    });
  });
});
