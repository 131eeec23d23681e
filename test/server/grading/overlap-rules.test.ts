// The copy detector's rules that a corrector relies on (issue 17): where a run starts and stops,
// when two runs become one, and which tokens count as code.
import { describe, expect, it } from 'vitest';
import { findCopiedRuns, indexDocument, looksLikeCode, MIN_COPIED_WORDS, normalizeToken, tokenize } from '../../../server/grading/overlap.js';

const prose = (...texts: string[]) => indexDocument(texts.map((text) => ({ text, code: false })));

const DOC = prose(
  'the backup job copies every database to the second disk each night',
  'a restore reads the newest archive and replays the journal after it',
);

describe('run length', () => {
  it('reports a run of exactly six words and not one of five', () => {
    expect(MIN_COPIED_WORDS).toBe(6);
    const six = findCopiedRuns('so the backup job copies every database, fine', DOC);
    expect(six.runs.map((r) => [r.text, r.words])).toEqual([['the backup job copies every database', 6]]);
    expect(findCopiedRuns('so the backup job copies every table', DOC).runs).toEqual([]);
  });

  it('takes the minimum from its caller when given', () => {
    expect(findCopiedRuns('the backup job copies', DOC, 4).runs.map((r) => r.words)).toEqual([4]);
    expect(findCopiedRuns('the backup job copies every database', DOC, 7).runs).toEqual([]);
  });

  it('counts a run that starts the answer and one that ends it', () => {
    const report = findCopiedRuns('the backup job copies every database', DOC);
    expect(report).toEqual({ runs: [{ start: 0, end: 36, text: 'the backup job copies every database', words: 6 }], copiedWords: 6, proseWords: 6, share: 1 });
  });
});

describe('merging runs', () => {
  it('merges two runs copied from two places of the document that touch in the answer', () => {
    // Six words from the first sentence, then six from the second, without a word between them.
    const answer = 'copies every database to the second a restore reads the newest archive';
    const report = findCopiedRuns(answer, DOC);
    expect(report.runs).toEqual([{ start: 0, end: answer.length, text: answer, words: 12 }]);
    expect(report.copiedWords).toBe(12);
  });

  it('keeps two runs apart when a word not in the document sits between them', () => {
    const answer = 'copies every database to the second then a restore reads the newest archive';
    const report = findCopiedRuns(answer, DOC);
    expect(report.runs.map((r) => r.text)).toEqual(['copies every database to the second', 'a restore reads the newest archive']);
    expect(report.copiedWords).toBe(12);
    expect(report.proseWords).toBe(13);
    expect(report.share).toBe(12 / 13);
  });

  it('merges runs that overlap in the answer into one, counting each word once', () => {
    // The document holds "one two three four five six seven" and, elsewhere, "five six seven eight nine ten".
    const doc = prose('one two three four five six seven stop', 'here five six seven eight nine ten eleven');
    const answer = 'one two three four five six seven eight nine ten eleven';
    const report = findCopiedRuns(answer, doc);
    expect(report.runs).toEqual([{ start: 0, end: answer.length, text: answer, words: 11 }]);
    expect(report.share).toBe(1);
  });

  it('starts a run at its first copied word, even when the word before it in the answer comes right after it in the document', () => {
    const doc = prose('zero one two three four five six seven');
    const answer = 'two one two three four five six seven';
    expect(findCopiedRuns(answer, doc).runs.map((r) => [r.text, r.words])).toEqual([['one two three four five six seven', 7]]);
  });

  it('keeps the longest of the runs that start at the same word', () => {
    const doc = prose('alpha beta gamma delta epsilon zeta stop', 'alpha beta gamma delta epsilon zeta eta theta');
    const answer = 'alpha beta gamma delta epsilon zeta eta theta';
    expect(findCopiedRuns(answer, doc).runs.map((r) => r.words)).toEqual([8]);
  });

  it('reports a repeated run once per place in the answer', () => {
    const answer = 'the backup job copies every database. And again: the backup job copies every database';
    expect(findCopiedRuns(answer, DOC).runs.map((r) => r.start)).toEqual([0, answer.lastIndexOf('the backup')]);
  });
});

describe('code tokens', () => {
  it('counts two capital letters as code and a single capital as a word', () => {
    expect(looksLikeCode('IT')).toBe(true);
    expect(looksLikeCode('OK')).toBe(true);
    expect(looksLikeCode('A')).toBe(false);
    expect(looksLikeCode('Ok')).toBe(false);
  });

  it('counts a letter and digits or a digit-only word apart', () => {
    expect(looksLikeCode('v2')).toBe(true);
    expect(looksLikeCode('42')).toBe(false);
    expect(looksLikeCode('été')).toBe(false);
  });

  it('counts a dot or a colon between two characters as code, not at the end or doubled', () => {
    expect(looksLikeCode('a.b')).toBe(true);
    expect(looksLikeCode('a:b')).toBe(true);
    expect(looksLikeCode('etc..')).toBe(false);
    expect(looksLikeCode('ab.')).toBe(false);
  });

  it('counts a word between backticks as code, even with punctuation after it, but not a lone backtick', () => {
    expect(looksLikeCode('top', '`top`.')).toBe(true);
    expect(looksLikeCode('top', '`top`')).toBe(true);
    expect(looksLikeCode('top', 'top')).toBe(false);
    expect(looksLikeCode('x', '``x')).toBe(false);
  });

  it('counts a word between backticks as code inside brackets or quotes too', () => {
    expect(looksLikeCode('top', '(`top`)')).toBe(true);
    expect(looksLikeCode('top', '«`top`»,')).toBe(true);
    expect(tokenize('lancez (`top`) puis').map((t) => [t.norm, t.codeShape])).toEqual([
      ['lancez', false],
      ['top', true],
      ['puis', false],
    ]);
    // One backtick, or backticks around nothing but punctuation, are not code.
    expect(looksLikeCode('top', '(`top)')).toBe(false);
    expect(looksLikeCode('top', 'x`top`')).toBe(false);
  });

  it('marks code by shape when cutting the text', () => {
    expect(tokenize('run `top` then OK now').map((t) => [t.norm, t.codeShape])).toEqual([
      ['run', false],
      ['top', true],
      ['then', false],
      ['ok', true],
      ['now', false],
    ]);
  });

  it('does not count code-shaped tokens towards the six words, but keeps them inside the run', () => {
    const doc = prose('the IT team copies every database to the second disk');
    const answer = 'the IT team copies every database';
    expect(findCopiedRuns(answer, doc).runs).toEqual([]);
    const longer = findCopiedRuns('the IT team copies every database to', doc);
    expect(longer.runs.map((r) => [r.text, r.words])).toEqual([['the IT team copies every database to', 6]]);
    expect(longer.proseWords).toBe(6);
  });

  it('treats a word the document uses only in code as code, and one it also uses in prose as a word', () => {
    const doc = indexDocument([
      { text: 'restart the service with', code: false },
      { text: 'restart nginx', code: true },
      { text: 'and then check that it answers', code: false },
    ]);
    expect([...doc.codeOnly]).toEqual(['nginx']);
    expect(doc.positions.get('restart')).toEqual([0, 4]);
    expect(doc.tokens).toEqual(['restart', 'the', 'service', 'with', 'restart', 'nginx', 'and', 'then', 'check', 'that', 'it', 'answers']);
  });
});

describe('tokens', () => {
  it('compares tokens after NFKC, case folding and straight apostrophes', () => {
    expect(normalizeToken('ＤＯＮ‘T')).toBe("don't");
    expect(normalizeToken('it`s')).toBe("it's");
    expect(normalizeToken('it＇s')).toBe("it's");
  });

  it('reads an acute accent typed as an apostrophe as an apostrophe (NFKC would split it in two)', () => {
    expect(normalizeToken('it´s')).toBe("it's");
    const doc = prose("it's the job that copies every database to the second disk");
    expect(findCopiedRuns('it´s the job that copies every database', doc).runs.map((r) => r.words)).toEqual([7]);
  });

  it('strips quotes, brackets and stars around a token, and keeps its offsets', () => {
    const text = '«*(word)*» [x] {y} <z> “q” ‘r’ ‹s› a… b!?';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['word', 'x', 'y', 'z', 'q', 'r', 's', 'a', 'b']);
  });
});

describe('capitals and letters without case', () => {
  it('never counts letters that have no capitals (Chinese, Arabic) as code written in capitals', () => {
    expect(looksLikeCode('数据')).toBe(false);
    expect(looksLikeCode('بيانات')).toBe(false);
  });

  it('counts capitals only among letters: circled signs with a case are not words in capitals', () => {
    // Ⓐ (a circled letter) has a lower case, ⓐ, but is a symbol, not a letter.
    expect(looksLikeCode('ⒶⒷ')).toBe(false);
  });
});

describe('the share of copied words', () => {
  it('is 0 for an answer made only of code, not nothing over nothing', () => {
    expect(findCopiedRuns('PATH=/usr/bin `systemctl` --now', DOC)).toEqual({ runs: [], copiedWords: 0, proseWords: 0, share: 0 });
  });
});

describe('runs separated in the answer', () => {
  it('keeps three runs in answer order, whatever their order in the document', () => {
    const doc = prose('one two three four five six', 'alpha beta gamma delta epsilon zeta', 'red green blue cyan magenta yellow');
    const answer = 'red green blue cyan magenta yellow and alpha beta gamma delta epsilon zeta and one two three four five six';
    expect(findCopiedRuns(answer, doc).runs.map((r) => r.text)).toEqual([
      'red green blue cyan magenta yellow',
      'alpha beta gamma delta epsilon zeta',
      'one two three four five six',
    ]);
  });

  it('reports a run that reaches the end of the document and goes on in the answer up to where the document stops', () => {
    const answer = 'so a restore reads the newest archive and replays the journal after it, and more';
    expect(findCopiedRuns(answer, DOC).runs.map((r) => [r.text, r.words])).toEqual([['a restore reads the newest archive and replays the journal after it', 12]]);
  });
});
