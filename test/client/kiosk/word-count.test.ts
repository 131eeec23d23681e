import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../server/contract/rules/revision.js';
import { IncrementalWordCount } from '../../../client/kiosk/word-count.js';

// Pieces that make words, joiners inside words, and every kind of separator, so that edits fall
// inside words, at their edges and across spaces.
const piece = fc.constantFrom('a', 'Z', 'é', '7', "'", '’', '-', '.', '/', ':', '_', ' ', '  ', '\n', '\t', '\u00a0', ',', '!', '(', 'systemd', 'OnCalendar=Mon..Fri');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });

describe('the incremental word count', () => {
  it('always says what counting the whole text says, whatever the edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 25 }), (start, edits) => {
        const counter = new IncrementalWordCount();
        let current = start;
        expect(counter.count(current)).toBe(countWords(current));
        for (const e of edits) {
          const at = e.at % (current.length + 1);
          current = current.slice(0, at) + e.insert + current.slice(at + e.remove);
          expect(counter.count(current)).toBe(countWords(current));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('counts typing at the end of a 50,000-character answer', () => {
    const counter = new IncrementalWordCount();
    let answer = 'The timer starts the backup unit every night. '.repeat(1087);
    expect(counter.count(answer)).toBe(countWords(answer));
    for (const key of ' The journal shows why.') {
      answer += key;
      expect(counter.count(answer)).toBe(countWords(answer));
    }
    expect(counter.count(answer)).toBe(8 * 1087 + 4);
  });
});
