// Issue 16, item 2: the question-level fields for correctors (acceptedVariants, likelyMisreadings,
// a key point's criterion) as the loader reads and checks them, and the checker's three new
// warnings, each with its file and line.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../server/content/load-packs.js';
import type { Pack, PackProblem } from '../../../server/content/pack-types.js';
import { reviewPack } from '../../../server/content/pack-warnings.js';
import { examLoad } from '../../../server/content/load-rule.js';
import { severalFacts } from '../../../server/content/key-point-facts.js';
import { MIN_DOC_MD, MIN_PACK_YAML, lineOf, minimalFiles, replaceOnce, tempContentDir, writePack } from './fixtures.js';

let contentDir: string;
beforeEach(() => {
  contentDir = tempContentDir();
});
afterEach(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
});

function load(files: Record<string, string>): { pack?: Pack; problems: PackProblem[] } {
  writePack(contentDir, 'p1', { ...minimalFiles(), ...files });
  return loadPack(path.join(contentDir, 'p1'));
}

function warnings(files: Record<string, string>): PackProblem[] {
  const { pack, problems } = load(files);
  expect(problems).toEqual([]);
  return reviewPack(pack!).warnings;
}

/** The fixture's document, sized so that length and readability raise nothing. */
const PLAIN =
  'The timer starts the service at the time given in its calendar expression, even when nobody is logged in to the computer. ' +
  'When the computer was switched off at that moment, the service is started automatically as soon as the computer is running again. ' +
  'Every execution of the service writes its messages to the system journal, where the administrator can examine them afterwards.';
const doc = (extra = '') => `---\nwords: 10-400\n---\n${MIN_DOC_MD}\n${PLAIN}\n${extra}`;

const WITH_FIELDS = replaceOnce(
  replaceOnce(
    MIN_PACK_YAML,
    '        keyPoints:\n          - id: kp1\n            text: It starts the service.',
    '        acceptedVariants:\n          - "`Mon-Fri 06:30` (a hyphen range is valid systemd syntax)"\n        likelyMisreadings:\n          - "The timer runs the job every seven days counted from now."\n        keyPoints:\n          - id: kp1\n            text: It starts the service.',
  ),
  '            text: La disponibilité.',
  '            text: La disponibilité.\n            criterion: relevant',
);

describe('the reader: question fields for correctors', () => {
  it('reads acceptedVariants, likelyMisreadings and a key point\'s criterion', () => {
    const { pack, problems } = load({ 'pack.yaml': WITH_FIELDS });
    expect(problems).toEqual([]);
    const [q1, q2] = pack!.sections[0]!.questions;
    expect(q1!.acceptedVariants).toEqual(['`Mon-Fri 06:30` (a hyphen range is valid systemd syntax)']);
    expect(q1!.likelyMisreadings).toEqual(['The timer runs the job every seven days counted from now.']);
    // Absent keys stay absent: a pack without them loads exactly as before.
    expect(q2!.acceptedVariants).toBeUndefined();
    expect(q2!.likelyMisreadings).toBeUndefined();
    expect(pack!.sections[1]!.questions[0]!.keyPoints).toEqual([{ id: 'kp1', text: 'La disponibilité.', criterion: 'relevant' }]);
    expect(pack!.sections[0]!.questions[0]!.keyPoints[0]).toEqual({ id: 'kp1', text: 'It starts the service.' });
  });

  it('a criterion that the section\'s competence rubric does not have: a problem on its line, with the rubric\'s criteria', () => {
    const yaml = WITH_FIELDS.replace('criterion: relevant', 'criterion: exhaustive');
    const { pack, problems } = load({ 'pack.yaml': yaml });
    expect(pack).toBeUndefined();
    expect(problems).toEqual([
      { file: 'p1/pack.yaml', line: lineOf(yaml, 'criterion: exhaustive'), message: 'question q3, key point kp1: `criterion` "exhaustive" is not a criterion of the rubric `skills`; its criteria are `relevant`' },
    ]);
  });

  it('a criterion in a section with no competence rubric: a problem on its line', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, '            text: It starts the service.', '            text: It starts the service.\n            criterion: relevant');
    const { problems } = load({ 'pack.yaml': yaml });
    expect(problems).toEqual([
      {
        file: 'p1/pack.yaml',
        line: lineOf(yaml, 'criterion: relevant'),
        message: "question q1, key point kp1: `criterion` links a key point to a criterion of a competence rubric, but section s1 is not graded by one; remove `criterion` or add the competence rubric to the section's `rubrics`",
      },
    ]);
  });

  it('acceptedVariants that is not a list of texts, or an empty list: a problem on its line', () => {
    const notList = WITH_FIELDS.replace(/acceptedVariants:\n {10}- [^\n]+/, 'acceptedVariants: "Mon-Fri"');
    const a = load({ 'pack.yaml': notList });
    expect(a.problems).toEqual([{ file: 'p1/pack.yaml', line: lineOf(notList, 'acceptedVariants:'), message: 'question q1: `acceptedVariants` must be a list (lines starting with "- "), found "Mon-Fri"' }]);
    fs.rmSync(path.join(contentDir, 'p1'), { recursive: true });
    const empty = WITH_FIELDS.replace(/likelyMisreadings:\n {10}- [^\n]+/, 'likelyMisreadings: []');
    const b = load({ 'pack.yaml': empty });
    expect(b.problems).toEqual([{ file: 'p1/pack.yaml', line: lineOf(empty, 'likelyMisreadings: []'), message: 'question q1: `likelyMisreadings` is empty; write at least one text, or leave the key out' }]);
  });
});

describe('content:check: the reading and writing load against the duration', () => {
  it('fits: no warning (the fixture: 30 minutes)', () => {
    expect(warnings({ 'doc.md': doc() })).toEqual([]);
  });

  it('does not fit: one warning on the durationMinutes line, with the words, the rates and the minutes', () => {
    // q3 asks for 400 French words (about 27 min at 15 a minute) on top of the English part.
    const yaml = replaceOnce(MIN_PACK_YAML, 'targetWords: 100', 'targetWords: 400');
    const found = warnings({ 'pack.yaml': yaml, 'doc.md': doc() });
    const { pack } = loadPack(path.join(contentDir, 'p1'));
    const load = examLoad(pack!, () => 'en');
    expect(load.writingWords).toEqual({ en: 90, fr: 400 });
    expect(load.minutes).toBe(Math.ceil(load.readingMinutes + 90 / 10 + 400 / 15));
    expect(load.minutes).toBeGreaterThan(30);
    expect(found).toEqual([
      {
        file: 'p1/pack.yaml',
        line: lineOf(yaml, 'durationMinutes: 30'),
        message: expect.stringMatching(new RegExp(`^the questionnaire asks for about ${load.minutes} minutes, more than its 30: reading \\d+ words of English at 100 a minute and \\d+ of French at 200 \\(\\d+ min\\), writing 90 words of English at 10 a minute and 400 of French at 15 \\(36 min\\); `)),
      },
    ]);
  });
});

describe('content:check: MUST / SHOULD without a definition', () => {
  it('warns on the line of the first use of each word the document never defines', () => {
    const text = doc('\nThe service MUST run as a dedicated account.\n\nYou SHOULD set a timeout.\n\nThe unit MUST have a description.\n');
    const found = warnings({ 'doc.md': text });
    expect(found).toEqual([
      { file: 'p1/doc.md', line: lineOf(text, 'MUST run as'), message: expect.stringMatching(/^the document uses MUST but never says what it means; /) },
      { file: 'p1/doc.md', line: lineOf(text, 'You SHOULD set'), message: expect.stringMatching(/^the document uses SHOULD but never says what it means; /) },
    ]);
  });

  it('no warning once a paragraph or list item says what the words mean; code is not prose', () => {
    const text = doc('\nIn this guide, **MUST** marks a requirement and **SHOULD** a recommendation.\n\nThe service MUST run as a dedicated account. You SHOULD set a timeout.\n\n```ini\nMAY=1\n```\n\nSet `MAY_FAIL=1` if needed.\n');
    expect(warnings({ 'doc.md': text })).toEqual([]);
  });
});

describe('content:check: a key point that looks like several facts', () => {
  it('warns on the key point\'s line for a ";" and for two clauses joined by "and" / "et"', () => {
    const yaml = replaceOnce(
      replaceOnce(MIN_PACK_YAML, 'text: At the time given.', 'text: "The timer starts the service at the given time and the journal keeps every run."'),
      'text: Something.',
      'text: "The command prints the normalized form; it also prints the next run."',
    ).replace('text: La disponibilité.', 'text: "La disponibilité est mesurée chaque mois et les sondes externes interrogent le site."');
    const found = warnings({ 'pack.yaml': yaml, 'doc.md': doc() }).filter((w) => w.message.includes('several facts'));
    expect(found).toEqual([
      { file: 'p1/pack.yaml', line: lineOf(yaml, '- id: kp2'), message: 'question q1, key point kp2: it looks like several facts (two clauses joined by "and"); write one fact per key point, so that a candidate who gives one of them is judged the same way by every corrector' },
      { file: 'p1/pack.yaml', line: lineOf(yaml, 'normalized form') - 1, message: expect.stringMatching(/^question q2, key point kp1: it looks like several facts \(two parts separated by ";"\)/) },
      { file: 'p1/pack.yaml', line: lineOf(yaml, 'La disponibilité est') - 1, message: expect.stringMatching(/^question q3, key point kp1: it looks like several facts \(two clauses joined by "et"\)/) },
    ]);
  });

  it('one fact with "and" between two words, inside code or brackets, is not warned about', () => {
    expect(severalFacts('Enable and start the timer with `systemctl enable --now x.timer`.')).toBeUndefined();
    expect(severalFacts('`systemd-analyze calendar` (it prints the normalized form and the next elapse; try it)')).toBeUndefined();
    expect(severalFacts('Indicateurs de saturation : CPU, mémoire et disque des trois serveurs.')).toBeUndefined();
    expect(severalFacts('Copy the file to the rules folder and reload the configuration of Prometheus.')).toBe('two clauses joined by "and"');
  });
});
