// What the answer box holds after a key, worked out from the key's input event instead of read
// back from the box (issue 13, item 7).
//
// Why: reading a <textarea>'s value gives JavaScript a fresh copy of the whole answer, made by the
// browser outside JavaScript's heap. At 50,000 characters that is 50 KB per key; freeing those
// copies cost Chromium pauses of 20-55 ms at CPU /4, and frames over 50 ms while typing, even in
// a page holding nothing but a textarea whose input handler reads its value (measured 2026-12-03,
// docs/performance.md). A typed character or a line break is applied to the text already known;
// the box's length and caret, which are numbers and cost nothing to read, confirm the result.
// Anything else (paste, cut, drop, undo, a composition, a deletion, a selection replaced by more
// than the box accepts) and any disagreement are read from the box, as before.

/** The parts of a textarea this needs: the real element in the kiosk. */
export interface AnswerBox {
  readonly value: string;
  readonly textLength: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
}

/** Edits applied from the event alone; every other input type reads the box. */
const INSERTIONS: Readonly<Record<string, (data: string | null) => string | null>> = {
  insertText: (data) => data,
  insertLineBreak: () => '\n',
};

/**
 * The last key that added characters at the end of the text: `after` is `before` with `appended`
 * after it, the very string objects. The word count and the local copy ask for it (appendedTo) and
 * then look only at the characters added: comparing the whole text instead would make the engine
 * build the new text as one piece, a 50,000-character copy per key again. The strings passed are
 * normally the very ones this module built, which the engine compares at once; others compare by
 * their characters, so the answer is right either way.
 */
let lastAppend: { before: string; after: string; appended: string } | null = null;

/** What was added at the end of `before` to make `after`, when the last key did just that; else null. */
export function appendedTo(before: string, after: string): string | null {
  const last = lastAppend;
  return last !== null && last.before === before && last.after === after ? last.appended : null;
}

export class TypedText {
  /** The box's text as last known; null until it is first read or set. */
  private known: string | null = null;
  /** The selection just before the edit (beforeinput), for the input event that follows it. */
  private selection: { start: number; end: number } | null = null;

  /** The box was written by the kiosk (its text set from the server or a local copy). */
  set(text: string): void {
    this.known = text;
    this.selection = null;
  }

  /** On beforeinput: where the caret (or the selection) is before the browser applies the edit. */
  beforeInput(box: AnswerBox): void {
    this.selection = { start: box.selectionStart, end: box.selectionEnd };
  }

  /** On input: the box's text now. */
  afterInput(box: AnswerBox, event: Pick<InputEvent, 'inputType' | 'data' | 'isComposing'>): string {
    const selection = this.selection;
    this.selection = null;
    const applied = selection ? this.applied(box, event, selection) : null;
    if (applied === null) lastAppend = null;
    this.known = applied ?? box.value;
    return this.known;
  }

  private applied(box: AnswerBox, event: Pick<InputEvent, 'inputType' | 'data' | 'isComposing'>, selection: { start: number; end: number }): string | null {
    const known = this.known;
    const insert = INSERTIONS[event.inputType];
    if (known === null || !insert || event.isComposing) return null;
    const inserted = insert(event.data);
    // A carriage return becomes a line feed in the box, the same length: only the box knows.
    if (inserted === null || inserted.includes('\r') || selection.end > known.length || selection.start > selection.end) return null;
    const atEnd = selection.start === known.length && selection.end === known.length;
    const next = atEnd ? known + inserted : known.slice(0, selection.start) + inserted + known.slice(selection.end);
    // The box agrees: same length, the caret just after what was inserted, nothing selected. A
    // character the box refused (its maxlength) or changed (a line break's form) fails here.
    const caret = selection.start + inserted.length;
    if (box.textLength !== next.length || box.selectionStart !== caret || box.selectionEnd !== caret) return null;
    lastAppend = atEnd ? { before: known, after: next, appended: inserted } : null;
    return next;
  }
}
