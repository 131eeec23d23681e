// The figures the checker prints and the lexical rule of its key-point warning, against values
// worked out by hand from the published formulas (Flesch 1948; Kincaid et al. 1975).
import { describe, expect, it } from 'vitest';
import { contentWords, documentPassages, keyPointSupport } from '../../../server/content/key-point-support.js';
import { englishSyllables, readability } from '../../../server/content/readability.js';
import { markdownRunningText } from '../../../server/content/render-markdown.js';

describe('englishSyllables', () => {
  it('counts vowel groups, drops silent endings and keeps sounded ones', () => {
    const words = { the: 1, cat: 1, happy: 2, time: 1, files: 1, named: 1, table: 2, tables: 2, boxes: 2, started: 2, services: 3, configuration: 5, remote: 2, operators: 4, monitor: 3 };
    for (const [word, n] of Object.entries(words)) expect(englishSyllables(word), word).toBe(n);
  });
});

describe('readability', () => {
  it('a plain text: 9 words, 2 sentences, 10 syllables', () => {
    // FRE = 206.835 - 1.015 x 9/2 - 84.6 x 10/9 = 206.835 - 4.5675 - 94.0 = 108.2675
    // FKGL = 0.39 x 4.5 + 11.8 x 10/9 - 15.59 = 1.755 + 13.1111 - 15.59 = -0.7239
    expect(readability('The cat sat on the mat. It was happy.')).toEqual({ words: 9, sentences: 2, syllables: 10, fleschReadingEase: 108.3, fleschKincaidGrade: -0.7 });
  });

  it('a dense sentence: 5 words, 13 syllables', () => {
    // operators 4 + monitor 3 + each 1 + remote 2 + connection 3 = 13
    // FRE = 206.835 - 1.015 x 5 - 84.6 x 2.6 = -18.2; FKGL = 0.39 x 5 + 11.8 x 2.6 - 15.59 = 17.04
    expect(readability('Operators monitor each remote connection.')).toEqual({ words: 5, sentences: 1, syllables: 13, fleschReadingEase: -18.2, fleschKincaidGrade: 17 });
  });

  it('pools words, sentences and syllables over the text rather than averaging the two figures', () => {
    // 14 words, 3 sentences, 23 syllables: FRE = 206.835 - 4.7367 - 138.9857 = 63.1126;
    // FKGL = 1.82 + 19.3857 - 15.59 = 5.6157
    const r = readability('The cat sat on the mat. It was happy.\nOperators monitor each remote connection.');
    expect(r).toEqual({ words: 14, sentences: 3, syllables: 23, fleschReadingEase: 63.1, fleschKincaidGrade: 5.6 });
  });

  it('each block ends a sentence; a dot inside a version or an address does not', () => {
    expect(readability('Install version 1.2 on 10.0.0.1 today\nThen reboot').sentences).toBe(2);
  });

  it('running text leaves out headings, table cells and code, and joins lines wrapped in the source', () => {
    const md = '# Title\n\n## Part\n\nA sentence that is\nwrapped over two lines.\n\n| a | b |\n|---|---|\n| c | d |\n\n```ini\nKey=value\n```\n\n- One item\n- Two items\n\n> **Note:** A callout.\n';
    expect(markdownRunningText(md)).toBe('A sentence that is wrapped over two lines.\nOne item\nTwo items\nNote: A callout.');
  });
});

describe('the lexical rule of the key-point warning', () => {
  it('content words: 3 letters or more or a digit, no function words, plural and -ing/-ed removed', () => {
    expect([...contentWords('The timers are running on port 51820, as it is required.')]).toEqual(['timer', 'run', 'port', '51820', 'requir']);
    expect([...contentWords('The timer runs.')]).toEqual(['timer', 'run']);
  });

  it('a passage is a block with the two blocks after it; supported from half of the content words', () => {
    const md = 'Intro line.\n\nThe gateway forwards packets.\n\n```ini\nMTU = 1412\n```\n\nUnrelated closing words.\n';
    const passages = documentPassages(md);
    expect(passages.map((p) => p.line)).toEqual([1, 3, 5, 9]);
    // "gateway", "forward", "packet", "mtu", "1412" of the 6 ("lowered" is not there): the first
    // passage found, from line 1, reaches the code block through its window of three blocks.
    expect(keyPointSupport('The gateway forwards packets with MTU 1412 lowered.', passages)).toEqual({ supported: true, wanted: 6, best: { line: 1, shared: 5 } });
    // 1 of 4 ("gateway"): not supported.
    expect(keyPointSupport('The gateway encrypts backups nightly.', passages)).toMatchObject({ supported: false, wanted: 4, best: { shared: 1 } });
    // Fewer than 3 content words: not judged.
    expect(keyPointSupport('Backups nightly.', passages).supported).toBe(true);
  });
});
