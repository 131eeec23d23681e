import { describe, expect, it } from 'vitest';
import { findCopiedRuns, indexDocument, looksLikeCode, tokenize } from '../../../server/grading/overlap.js';
import { documentPieces, passageAt } from '../../../server/grading/document-text.js';

const doc = (html: string) => indexDocument(documentPieces(html));

const DOCUMENT = `<h2 id="timers">Timers</h2>
<p>A service does not read shell start-up files such as <code>.bashrc</code>, so its environment is not the one you see in your terminal.</p>
<p>Run <code>systemctl daemon-reload</code> after every change to a unit file, otherwise systemd keeps using the old version of the file.</p>
<h3 id="persistent">Persistent timers</h3>
<p>With <code>Persistent=true</code> the time of the last run is kept on disk and a missed job starts as soon as the timer is active again.</p>
<h2 id="next">Next</h2><p>Something else entirely.</p>`;

describe('tokenize', () => {
  it('drops punctuation around words and pieces without letters or digits, keeping offsets into the text', () => {
    const text = '"Hello," she said — (twice).';
    expect(tokenize(text).map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['hello', 'Hello'],
      ['she', 'she'],
      ['said', 'said'],
      ['twice', 'twice'],
    ]);
  });

  it('folds case and typographic apostrophes', () => {
    expect(tokenize('Don’t STOP').map((t) => t.norm)).toEqual(["don't", 'stop']);
  });
});

describe('looksLikeCode', () => {
  it.each([
    ['/etc/systemd/system/', true],
    ['Persistent=true', true],
    ['pg_dump', true],
    ['report.timer', true],
    ['.bashrc', true],
    ['--now', true],
    ['-u', true],
    ['OnCalendar', true],
    ['ipv4', true],
    ['PATH', true],
    ['06:30', true],
    ['timer', false],
    ['start-up', false],
    ["don't", false],
    ['I', false],
    ['2024', false],
  ])('%s → %s', (token, expected) => {
    expect(looksLikeCode(token)).toBe(expected);
  });

  it('counts a token typed between backticks as code', () => {
    expect(looksLikeCode('systemctl', '`systemctl`')).toBe(true);
  });
});

describe('findCopiedRuns', () => {
  it('finds a verbatim run of six or more words, whatever the case and the punctuation around it', () => {
    const answer = 'I think that a Service does not read shell start-up files, so PATH is short.';
    const report = findCopiedRuns(answer, doc(DOCUMENT));
    // The document reads "A service does not read shell start-up files such as": the run starts at
    // "a" (case folded) and stops before "so", where the document goes on with "such".
    expect(report.runs.map((r) => r.text)).toEqual(['a Service does not read shell start-up files']);
    expect(report.runs[0]!.words).toBe(8);
  });

  it('does not report a run of five words', () => {
    const report = findCopiedRuns('Honestly the last run is kept somewhere.', doc(DOCUMENT));
    // "the last run is kept" = 5 words, then "somewhere" breaks it.
    expect(report.runs).toEqual([]);
    expect(report.copiedWords).toBe(0);
  });

  it('does not count commands, paths and identifiers towards the six words', () => {
    // "run systemctl daemon-reload after every change" is 6 tokens, but systemctl and daemon-reload
    // appear in the document only as code: 4 prose words, no run.
    const short = findCopiedRuns('You must run systemctl daemon-reload after every change.', doc(DOCUMENT));
    expect(short.runs).toEqual([]);
    // Going on with "to a unit file" makes 8 prose words: a run, which keeps the code tokens inside it.
    const long = findCopiedRuns('You must run systemctl daemon-reload after every change to a unit file, really.', doc(DOCUMENT));
    expect(long.runs).toHaveLength(1);
    expect(long.runs[0]!.text).toBe('run systemctl daemon-reload after every change to a unit file');
    expect(long.runs[0]!.words).toBe(8);
  });

  it('merges runs copied from two places of the document when they overlap in the answer', () => {
    const answer = 'the time of the last run is kept on disk and a missed job starts as soon as the timer is active again';
    const report = findCopiedRuns(answer, doc(DOCUMENT));
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]!.text).toBe(answer);
  });

  it('reports exact runs and the share of copied words', () => {
    const answer =
      'Marco, your timer is enabled but not started. A service does not read shell start-up files such as .bashrc, so fix the PATH. ' +
      'With Persistent=true the time of the last run is kept on disk. Good luck!';
    const report = findCopiedRuns(answer, doc(DOCUMENT));
    expect(report.runs.map((r) => r.text)).toEqual([
      // The document goes on with ", so its environment": the comma is ignored, "so" still matches.
      'A service does not read shell start-up files such as .bashrc, so',
      'With Persistent=true the time of the last run is kept on disk',
    ]);
    // Prose words (code left out: .bashrc, PATH, Persistent=true):
    //   "Marco your timer is enabled but not started" 8 + "A service does not read shell start-up files such as" 10
    //   + "so fix the" 3 + "With the time of the last run is kept on disk" 11 + "Good luck" 2 = 34.
    // Copied: 10 + "so" 1 = 11, and 11. Share 22 / 34.
    expect(report.runs.map((r) => r.words)).toEqual([11, 11]);
    expect(report.proseWords).toBe(34);
    expect(report.copiedWords).toBe(22);
    expect(report.share).toBeCloseTo(22 / 34, 10);
  });

  it('gives the runs as offsets into the answer, for highlighting', () => {
    const answer = '>> the time of the last run is kept on disk <<';
    const [run] = findCopiedRuns(answer, doc(DOCUMENT)).runs;
    expect(answer.slice(run!.start, run!.end)).toBe('the time of the last run is kept on disk');
  });

  it('finds nothing in an empty answer or against an empty document', () => {
    expect(findCopiedRuns('', doc(DOCUMENT))).toEqual({ runs: [], copiedWords: 0, proseWords: 0, share: 0 });
    expect(findCopiedRuns('a b c d e f g', indexDocument([])).runs).toEqual([]);
  });
});

describe('passageAt', () => {
  it('takes an h2 section with its h3 sub-sections, up to the next h2', () => {
    const p = passageAt(DOCUMENT, 'timers')!;
    expect(p.heading).toBe('Timers');
    expect(p.html).toContain('daemon-reload');
    expect(p.html).toContain('Persistent timers');
    expect(p.html).not.toContain('Something else');
  });

  it('takes an h3 section up to the next heading of its level or above', () => {
    const p = passageAt(DOCUMENT, 'persistent')!;
    expect(p.html.startsWith('<h3 id="persistent">')).toBe(true);
    expect(p.html).not.toContain('Next');
  });

  it('returns null for an anchor that is not there', () => {
    expect(passageAt(DOCUMENT, 'nowhere')).toBeNull();
  });
});
