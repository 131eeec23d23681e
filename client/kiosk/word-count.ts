// The live word count of an answer, kept up to date per keystroke without counting the whole text
// again: at 50,000 characters, matching the word pattern over everything on each key cost whole
// frames on a modest PC (issue 13, item 7). Words never span whitespace, so the words before the
// last whitespace ahead of an edit are unchanged; only the rest is counted again.
import { countWords } from '../../server/contract/rules/revision.js';
import { commonPrefixLength } from './common-prefix.js';

/** The position of the last whitespace of `text` before `end`, or 0: no word spans it. */
function lastBreakBefore(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c > 127 && /\s/u.test(text[i]!))) return i;
  }
  return 0;
}

export class IncrementalWordCount {
  private text = '';
  private words = 0;

  /** The number of words of `text`, as countWords says, counting only what changed since the last call. */
  count(text: string): number {
    if (text === this.text) return this.words;
    const cut = lastBreakBefore(this.text, commonPrefixLength(this.text, text));
    this.words = cut === 0 ? countWords(text) : this.words - countWords(this.text.slice(cut)) + countWords(text.slice(cut));
    this.text = text;
    return this.words;
  }
}
