// The answer's text worked out from each key's input event instead of read back from the box
// (client/kiosk/typed-text.ts, issue 13, item 7), and what builds on it: the word count, the local
// copy's tail and the digest of a send each take a key typed at the end without going over the
// whole answer again. Here the box is the textarea's state as the browser keeps it (its value, its
// selection, its maxlength), edited as the browser edits it; test/browser/kiosk-typed-text.test.ts
// types into the real one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../server/contract/rules/revision.js';
import { LocalCopies, MAX_TAIL_CHARS } from '../../../client/kiosk/local-copies.js';
import { RunningDigest, textDigest } from '../../../client/kiosk/sent-revisions.js';
import { TypedText, appendedTo, type AnswerBox } from '../../../client/kiosk/typed-text.js';
import { IncrementalWordCount } from '../../../client/kiosk/word-count.js';
import { MeteredStorage } from '../memory-storage.js';

/** A textarea's state: the browser applies an edit to it, then fires input. */
class BoxState implements AnswerBox {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  reads = 0;
  constructor(readonly maxLength = Infinity) {}
  get textLength(): number {
    return this.value.length;
  }
  /** What the field sees: the value read (counted, so that a test can say it was not). */
  read(): string {
    this.reads++;
    return this.value;
  }
}

/** The box as the answer field sees it: reading `value` is counted. */
function fieldView(box: BoxState): AnswerBox {
  return {
    get value() {
      return box.read();
    },
    get textLength() {
      return box.textLength;
    },
    get selectionStart() {
      return box.selectionStart;
    },
    get selectionEnd() {
      return box.selectionEnd;
    },
  };
}

type Edit =
  | { kind: 'type'; data: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'paste'; data: string }
  | { kind: 'caret'; at: number }
  | { kind: 'select'; from: number; to: number }
  | { kind: 'compose'; data: string };

/** The browser's part: beforeinput, the edit applied to the box (or refused), input. */
function key(box: BoxState, typed: TypedText, edit: Edit): string | null {
  const view = fieldView(box);
  const clamp = (n: number) => Math.min(n, box.value.length);
  if (edit.kind === 'caret') {
    box.selectionStart = box.selectionEnd = clamp(edit.at);
    return null;
  }
  if (edit.kind === 'select') {
    const [a, b] = [clamp(edit.from), clamp(edit.to)].sort((x, y) => x - y);
    box.selectionStart = a!;
    box.selectionEnd = b!;
    return null;
  }
  typed.beforeInput(view);
  const { selectionStart: start, selectionEnd: end } = box;
  let inserted = '';
  let inputType = 'insertText';
  let data: string | null = null;
  if (edit.kind === 'type' || edit.kind === 'compose') [inserted, data] = [edit.data, edit.data];
  if (edit.kind === 'enter') [inserted, inputType] = ['\n', 'insertLineBreak'];
  if (edit.kind === 'paste') [inserted, inputType] = [edit.data, 'insertFromPaste'];
  if (edit.kind === 'backspace') {
    inputType = 'deleteContentBackward';
    if (start === end && start === 0) return null;
  }
  // maxlength: the browser cuts what does not fit, and fires nothing when nothing fits.
  const room = box.maxLength - (box.value.length - (end - start));
  if (inserted.length > room) inserted = inserted.slice(0, Math.max(0, room));
  if (edit.kind !== 'backspace' && inserted === '' && start === end) return null;
  const from = edit.kind === 'backspace' && start === end ? start - 1 : start;
  // The box holds line feeds only: a carriage return typed or committed becomes one.
  box.value = box.value.slice(0, from) + inserted.replaceAll('\r', '\n') + box.value.slice(end);
  box.selectionStart = box.selectionEnd = from + inserted.length;
  return typed.afterInput(view, { inputType, data, isComposing: edit.kind === 'compose' });
}

const char = fc.constantFrom('a', 'Z', 'é', '7', ' ', '.', '-', "'", '\t', '\u00a0', '😀', '\r');
const edits: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: char.map((data): Edit => ({ kind: 'type', data })) },
  { weight: 1, arbitrary: fc.constant<Edit>({ kind: 'enter' }) },
  { weight: 1, arbitrary: fc.constant<Edit>({ kind: 'backspace' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((data): Edit => ({ kind: 'paste', data })) },
  { weight: 1, arbitrary: fc.nat({ max: 60 }).map((at): Edit => ({ kind: 'caret', at })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 60 })).map(([from, to]): Edit => ({ kind: 'select', from, to })) },
  { weight: 1, arbitrary: char.map((data): Edit => ({ kind: 'compose', data })) },
);

describe('the text of the answer box, from its input events', () => {
  it('is what the box holds after every edit, and the word count, the local copy and the digest agree with it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(edits, { maxLength: 60 }), fc.constantFrom(Infinity, 40), (start, script, maxLength) => {
        const box = new BoxState(maxLength);
        box.value = start.slice(0, Math.min(start.length, maxLength));
        box.selectionStart = box.selectionEnd = box.value.length;
        const typed = new TypedText();
        typed.set(box.value);
        const words = new IncrementalWordCount();
        const digest = new RunningDigest();
        const storage = new MeteredStorage();
        const local = new LocalCopies(storage, { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' });
        let text = box.value;
        let revision = 1;
        local.write({ questionId: 'q1', revision, text, base: 0 });
        expect(digest.of(text)).toBe(textDigest(text));
        for (const edit of script) {
          const next = key(box, typed, edit);
          if (next === null) continue;
          expect(next).toBe(box.value);
          digest.edited(text, next, appendedTo(text, next));
          text = next;
          expect(words.count(text)).toBe(countWords(text));
          local.write({ questionId: 'q1', revision: ++revision, text, base: 0 });
          expect(new LocalCopies(storage, { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' }).read('q1')?.text).toBe(text);
          if (revision % 5 === 0) expect(digest.of(text)).toBe(textDigest(text));
        }
        expect(digest.of(text)).toBe(textDigest(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the box only for edits other than a key typed or a line break', () => {
    const box = new BoxState();
    const typed = new TypedText();
    box.value = 'The unit failed';
    box.selectionStart = box.selectionEnd = box.value.length;
    typed.set(box.value);
    for (const data of ' at night.') key(box, typed, { kind: 'type', data });
    key(box, typed, { kind: 'enter' });
    key(box, typed, { kind: 'caret', at: 3 });
    key(box, typed, { kind: 'type', data: '!' });
    key(box, typed, { kind: 'select', from: 0, to: 3 });
    key(box, typed, { kind: 'type', data: 'A' });
    expect(box.reads).toBe(0);
    key(box, typed, { kind: 'backspace' });
    key(box, typed, { kind: 'paste', data: 'pasted' });
    key(box, typed, { kind: 'compose', data: 'é' });
    expect(box.reads).toBe(3);
    expect(key(box, typed, { kind: 'type', data: 'z' })).toBe(box.value);
    expect(box.reads).toBe(3);
  });

  it('reads the box when the kiosk has not yet written it, or when the box refused the character', () => {
    const box = new BoxState(5);
    const typed = new TypedText();
    box.value = 'abcd';
    box.selectionStart = box.selectionEnd = 4;
    // Never set: the first key is read.
    expect(key(box, typed, { kind: 'type', data: 'e' })).toBe('abcde');
    expect(box.reads).toBe(1);
    // Full: an emoji (two code units) does not fit, nothing is inserted, no input is fired.
    expect(key(box, typed, { kind: 'type', data: '😀' })).toBeNull();
    key(box, typed, { kind: 'backspace' });
    // One code unit of room: the emoji is cut by the box, so the event's data is not what it holds.
    expect(key(box, typed, { kind: 'type', data: '😀' })).toBe(box.value);
    expect(box.reads).toBe(3);
  });

  it('answers what was added at the end only for the pair of texts the last key made', () => {
    const box = new BoxState();
    const typed = new TypedText();
    box.value = 'abc';
    box.selectionStart = box.selectionEnd = 3;
    typed.set('abc');
    const after = key(box, typed, { kind: 'type', data: 'd' })!;
    expect(appendedTo('abc', after)).toBe('d');
    expect(appendedTo('ab', after)).toBeNull();
    expect(appendedTo('abc', 'abcx')).toBeNull();
    // A key in the middle: nothing was added at the end.
    key(box, typed, { kind: 'caret', at: 1 });
    const middle = key(box, typed, { kind: 'type', data: 'X' })!;
    expect(middle).toBe('aXbcd');
    expect(appendedTo(after, middle)).toBeNull();
  });
});

describe('the local copy after a key in the middle', () => {
  it('is not extended as if the key at the end followed the middle one: the end it keeps comes after', () => {
    const box = new BoxState();
    const typed = new TypedText();
    const storage = new MeteredStorage();
    const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
    const local = new LocalCopies(storage, scope);
    box.value = 'one two three';
    box.selectionStart = box.selectionEnd = 3;
    typed.set(box.value);
    local.write({ questionId: 'q1', revision: 1, text: box.value, base: 0 });
    // A word in the middle: the tail keeps " two three" from the end of the whole copy.
    const middle = key(box, typed, { kind: 'type', data: 'X' })!;
    local.write({ questionId: 'q1', revision: 2, text: middle, base: 0 });
    key(box, typed, { kind: 'caret', at: box.value.length });
    const end = key(box, typed, { kind: 'type', data: '!' })!;
    expect(appendedTo(middle, end)).toBe('!');
    local.write({ questionId: 'q1', revision: 3, text: end, base: 0 });
    expect(new LocalCopies(storage, scope).read('q1')?.text).toBe('oneX two three!');
  });
});

describe('the local copy written whole again', () => {
  it('never extends a tail of the whole copy it replaced', () => {
    const storage = new MeteredStorage();
    const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 1, text: 'start', base: 0 });
    const short = `start${'y'.repeat(10)}`;
    local.write({ questionId: 'q1', revision: 2, text: short, base: 0 });
    // Too different to be a tail: written whole, a new whole copy.
    local.write({ questionId: 'q1', revision: 3, text: 'Z'.repeat(MAX_TAIL_CHARS + 10), base: 0 });
    // Back to the earlier text (an undo): a tail of the new whole copy, not the old tail again.
    local.write({ questionId: 'q1', revision: 4, text: short, base: 0 });
    expect(new LocalCopies(storage, scope).read('q1')?.text).toBe(short);
  });
});

describe('the word count, the local copy and the digest at the end of a 50,000-character answer', () => {
  it('take the keys typed without reading the box and agree with the whole text', () => {
    const box = new BoxState();
    const typed = new TypedText();
    box.value = 'The timer starts the backup unit every night. '.repeat(1087);
    box.selectionStart = box.selectionEnd = box.value.length;
    typed.set(box.value);
    const words = new IncrementalWordCount();
    const digest = new RunningDigest();
    const storage = new MeteredStorage();
    const local = new LocalCopies(storage, { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' });
    let text = box.value;
    words.count(text);
    digest.of(text);
    local.write({ questionId: 'q1', revision: 1, text, base: 0 });
    let revision = 1;
    for (const data of ' The journal shows why the unit failed.') {
      const next = key(box, typed, { kind: 'type', data })!;
      digest.edited(text, next, appendedTo(text, next));
      text = next;
      words.count(text);
      local.write({ questionId: 'q1', revision: ++revision, text, base: 0 });
    }
    expect(box.reads).toBe(0);
    expect(text).toBe(box.value);
    expect(words.count(text)).toBe(countWords(text));
    expect(digest.of(text)).toBe(textDigest(text));
    expect(Math.max(...storage.written.slice(1).map((w) => w.length))).toBeLessThan(300);
    expect(new LocalCopies(storage, { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' }).read('q1')?.text).toBe(text);
  });
});
