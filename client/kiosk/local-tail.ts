// What a key costs the workstation's storage (issue 13, item 7): the local copy of an answer used
// to be written whole on each key, 50,000 characters serialised and handed to the browser's
// storage each time, the largest single cost of a key on a modest PC. Now the whole copy is
// written now and then, and each key writes only how the text differs from it: the characters
// kept from its start and from its end, and what lies between. Typing at the end of a long answer
// writes a few characters; the copy is still complete in storage after every key.

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
  let head: number;
  if (text.startsWith(whole)) head = whole.length;
  else {
    const max = Math.min(whole.length, text.length);
    head = 0;
    while (head < max && whole.charCodeAt(head) === text.charCodeAt(head)) head++;
  }
  // The end kept never overlaps the start kept, in either text.
  const room = Math.min(whole.length, text.length) - head;
  let tail = 0;
  while (tail < room && whole.charCodeAt(whole.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { head, tail, mid: text.slice(head, text.length - tail) };
}

/** The text a tail describes against `whole`, or null when it cannot come from it (another copy's). */
export function applyTail(whole: string, t: TextTail): string | null {
  if (!Number.isInteger(t.head) || !Number.isInteger(t.tail) || t.head < 0 || t.tail < 0 || t.head + t.tail > whole.length) return null;
  return whole.slice(0, t.head) + t.mid + whole.slice(whole.length - t.tail);
}
