// The checker's warnings: each with its file and line, and none where the pack is as it should
// be. Warnings never stop a pack from loading, and `content:check` still exits 0 on them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatReport } from '../../../server/content/check.js';
import { loadPack, loadPacks } from '../../../server/content/load-packs.js';
import type { Pack, PackProblem } from '../../../server/content/pack-types.js';
import { reviewPack } from '../../../server/content/pack-warnings.js';
import { MIN_DOC_MD, MIN_PACK_YAML, lineOf, minimalFiles, replaceOnce, tempContentDir, writePack } from './fixtures.js';

let contentDir: string;
beforeEach(() => {
  contentDir = tempContentDir();
});
afterEach(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
});

function loaded(files: Record<string, string>): Pack {
  writePack(contentDir, 'p1', { ...minimalFiles(), ...files });
  const { pack, problems } = loadPack(path.join(contentDir, 'p1'));
  expect(problems).toEqual([]);
  return pack!;
}

function warnings(files: Record<string, string>): PackProblem[] {
  return reviewPack(loaded(files)).warnings;
}

/** A B2-like paragraph: sentences of about 20 words, common technical vocabulary (with the fixture's text: grade 9.4). */
const PLAIN_PARAGRAPH =
  'The timer starts the service at the time given in its calendar expression, even when nobody is logged in to the computer. ' +
  'When the computer was switched off at that moment, the service is started automatically as soon as the computer is running again. ' +
  'Every execution of the service writes its messages to the system journal, where the administrator can examine them afterwards.';

/** Sized so that length and readability are in range: only the warning under test remains. */
function docWith(extra = ''): string {
  return `---\nwords: 10-400\n---\n${MIN_DOC_MD}\n${PLAIN_PARAGRAPH}\n${extra}`;
}

describe('a key point with no supporting passage in the document', () => {
  it('is reported on the key point line, with the closest passage and how many words it shares', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'text: Something.', 'text: "Backups are encrypted with AES before the upload to object storage."');
    const doc = docWith();
    const found = warnings({ 'pack.yaml': yaml, 'doc.md': doc });
    expect(found).toEqual([
      {
        file: 'p1/pack.yaml',
        line: lineOf(yaml, 'Backups are encrypted') - 1,
        message: expect.stringMatching(/^question q2, key point kp1: no passage of p1\/doc\.md supports it \(no passage holds half of its content words\); the closest passage, p1\/doc\.md:4, shares 0 of its 6 content words; /),
      },
    ]);
  });

  it('is not looked for when the document is not in the language of the answers', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'text: Something.', 'text: "Backups are encrypted with AES before the upload to object storage."');
    const doc = docWith().replace('words: 10-400', 'words: 10-400\nlanguage: fr');
    expect(warnings({ 'pack.yaml': yaml, 'doc.md': doc })).toEqual([]);
  });

  it('is not reported when one passage holds at least half of the content words, even reworded', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'text: Something.', 'text: "If the computer was off, the service starts when the computer runs again."');
    expect(warnings({ 'pack.yaml': yaml, 'doc.md': docWith() })).toEqual([]);
  });
});

describe('a documentAnchor that points at nothing', () => {
  it('a heading with no text under it: reported on the documentAnchor line', () => {
    const doc = docWith().replace('## Other part', '## Empty part\n\n## Other part');
    const yaml = replaceOnce(MIN_PACK_YAML, 'documentAnchor: the-timer', 'documentAnchor: empty-part');
    expect(warnings({ 'pack.yaml': yaml, 'doc.md': doc })).toEqual([
      {
        file: 'p1/pack.yaml',
        line: lineOf(yaml, 'documentAnchor: empty-part'),
        message: 'question q1: `documentAnchor` "empty-part" names a heading of p1/doc.md with no text under it, so the corrector would jump to nothing; point it at the heading whose text the question is about',
      },
    ]);
  });

  it('a heading whose text is in its sub-headings is not empty', () => {
    const doc = docWith().replace('## Other part', '## Parent part\n\n### Child part\n\nSome text of the child.\n\n## Other part');
    const yaml = replaceOnce(MIN_PACK_YAML, 'documentAnchor: the-timer', 'documentAnchor: parent-part');
    expect(warnings({ 'pack.yaml': yaml, 'doc.md': doc })).toEqual([]);
  });
});

describe('a document far from its expected length or reading level', () => {
  it('length outside the range of the front matter: the document, line 1, its word count', () => {
    const doc = docWith().replace('words: 10-400', 'words: 1200-2000');
    const review = reviewPack(loaded({ 'doc.md': doc }));
    const words = review.documents[0]!.words;
    expect(words).toBeGreaterThan(50);
    expect(review.warnings).toEqual([
      { file: 'p1/doc.md', line: 1, message: `the document has ${words} words, outside the expected 1200-2000 (front matter \`words\`); words of code blocks are not counted` },
    ]);
  });

  it('without front matter, the author\'s guide range for a section sharing the time (600-1000)', () => {
    const review = reviewPack(loaded({ 'doc.md': `${MIN_DOC_MD}\n${PLAIN_PARAGRAPH}\n` }));
    expect(review.warnings).toEqual([{ file: 'p1/doc.md', line: 1, message: expect.stringContaining('outside the expected 600-1000 (the author\'s guide for a document sharing the time with other sections;') }]);
  });

  it('English prose of long sentences of long words: Flesch-Kincaid grade above the B2 band', () => {
    const dense =
      'Organisational configuration management necessitates considerable administrative discipline, comprehensive documentation of infrastructural dependencies, and systematic verification of operational procedures throughout the organisation.';
    const review = reviewPack(loaded({ 'doc.md': docWith(`\n${dense} ${dense}\n`.replace(PLAIN_PARAGRAPH, '')).replace(PLAIN_PARAGRAPH, '') }));
    const grade = review.documents[0]!.readability!.fleschKincaidGrade;
    expect(grade).toBeGreaterThan(13);
    expect(review.warnings).toEqual([
      { file: 'p1/doc.md', line: 1, message: `Flesch-Kincaid grade ${grade} is outside 7-13, the band expected for a B2 reading document (the level of the section's reading rubric); shorten sentences or prefer shorter words` },
    ]);
  });

  it('very plain English: below the band; the front matter level overrides the rubric\'s', () => {
    const plain = '---\nwords: 10-400\nlevel: C1\n---\n# Doc\n\n## The timer\n\nIt runs. It is on. It is off. We see it. It is here.\n\n## Other part\n\nThe cat sat on the mat. It was a cat.\n';
    const review = reviewPack(loaded({ 'doc.md': plain.replace('## Other part', '![Diagram](img/diagram.svg)\n\n## Other part') }));
    const grade = review.documents[0]!.readability!.fleschKincaidGrade;
    expect(grade).toBeLessThan(9);
    expect(review.warnings).toEqual([
      { file: 'p1/doc.md', line: 1, message: `Flesch-Kincaid grade ${grade} is outside 9-16, the band expected for a C1 reading document (front matter \`level\`); the text may be too simple for the level` },
    ]);
  });

  it('a French document gets no English readability figure and no level warning', () => {
    const doc = docWith().replace('words: 10-400', 'words: 10-400\nlanguage: fr');
    const review = reviewPack(loaded({ 'doc.md': doc }));
    expect(review.documents[0]!.readability).toBeUndefined();
    expect(review.warnings).toEqual([]);
  });
});

describe('content:check with warnings only', () => {
  it('prints file:line: warning: message, keeps the pack OK and succeeds', () => {
    const yaml = replaceOnce(MIN_PACK_YAML, 'text: Something.', 'text: "Backups are encrypted with AES before the upload to object storage."');
    writePack(contentDir, 'p1', { ...minimalFiles(), 'pack.yaml': yaml, 'doc.md': docWith() });
    const report = formatReport(contentDir, loadPacks(contentDir));
    expect(report.ok).toBe(true);
    expect(report.out).toContain('  OK, 1 warning');
    expect(report.out).toContain('1 pack OK, 0 problems, 1 warning.');
    expect(report.err).toHaveLength(1);
    expect(report.err[0]).toMatch(new RegExp(`p1/pack\\.yaml:${lineOf(yaml, 'Backups are encrypted') - 1}: warning: question q2, key point kp1: `));
    expect(report.out.join('\n')).toMatch(/document doc\.md \(\d+ words, 2 headings; Flesch reading ease -?\d+(\.\d)?, Flesch-Kincaid grade -?\d+(\.\d)?\)/);
  });
});
