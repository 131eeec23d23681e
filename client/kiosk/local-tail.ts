// What a key costs the workstation's storage (issue 13, item 7): the local copy of an answer used
// to be written whole on each key, 50,000 characters serialised and handed to the browser's
// storage each time, the largest single cost of a key on a modest PC. Now the whole copy is
// written now and then, and each key writes only how the text differs from it: the characters
// kept from its start and from its end, and what lies between. Typing at the end of a long answer
// writes a few characters; the copy is still complete in storage after every key.

import { commonPrefixLength } from './common-prefix.js';

/** How a text differs from the whole copy it was written against. */
export interface TextTail {
  /** Characters kept from the start of the whole copy. */
  head: number;
  /** Characters kept from the end of the whole copy. */
  tail: number;
  /** What replaces the rest. */
  mid: string;
}

/** `text` as the parts of `whole` it keeps and what it puts between them. */
export function tailOf(whole: string, text: string): TextTail {
  const head = commonPrefixLength(whole, text);
  // The end kept never overlaps the start kept, in either text.
  const room = Math.min(whole.length, text.length) - head;
  let tail = 0;
  while (tail < room && whole.charCodeAt(whole.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { head, tail, mid: text.slice(head, text.length - tail) };
}

/** The text a tail describes against `whole`, or null when it cannot come from it (another copy's, or damaged). */
export function applyTail(whole: string, t: Partial<TextTail>): string | null {
  const { head, tail, mid } = t;
  if (typeof mid !== 'string' || !Number.isInteger(head) || !Number.isInteger(tail) || head! < 0 || tail! < 0 || head! + tail! > whole.length) return null;
  return whole.slice(0, head) + mid + whole.slice(whole.length - tail!);
}
