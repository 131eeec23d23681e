// The corrector's keyboard map, without DOM: which key does what in the grading workspace. The
// workspace turns a command into a move or a mark; the help line (grading strings, `help.*`) says
// the same thing in words, so a change here goes there too.
import { levelsOf, type Item, type Mode, type Row } from './grading-model.js';

export type GradingCommand =
  | { kind: 'row'; step: 1 | -1 }
  | { kind: 'item'; step: 1 | -1 }
  | { kind: 'block'; step: 1 | -1 }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'next-missing' }
  | { kind: 'comment' }
  | { kind: 'switch-mode' }
  | { kind: 'finish' }
  | { kind: 'reopen' }
  | { kind: 'toggle-help' }
  | { kind: 'close-help' }
  | { kind: 'level'; level: string | number };

/** The keys with a fixed meaning; they win over a level's key (levels use digits only). */
const fixedKeys: Readonly<Record<string, GradingCommand>> = {
  ArrowDown: { kind: 'row', step: 1 },
  ArrowUp: { kind: 'row', step: -1 },
  ArrowRight: { kind: 'item', step: 1 },
  Enter: { kind: 'item', step: 1 },
  ArrowLeft: { kind: 'item', step: -1 },
  PageDown: { kind: 'block', step: 1 },
  PageUp: { kind: 'block', step: -1 },
  Home: { kind: 'first' },
  End: { kind: 'last' },
  n: { kind: 'next-missing' },
  N: { kind: 'next-missing' },
  c: { kind: 'comment' },
  C: { kind: 'comment' },
  v: { kind: 'switch-mode' },
  V: { kind: 'switch-mode' },
  f: { kind: 'finish' },
  F: { kind: 'finish' },
  o: { kind: 'reopen' },
  O: { kind: 'reopen' },
  '?': { kind: 'toggle-help' },
  h: { kind: 'toggle-help' },
  H: { kind: 'toggle-help' },
  Escape: { kind: 'close-help' },
};

/** What a key does on the current row; null when it does nothing (the browser keeps it). */
export function gradingCommand(key: string, row: Row | undefined): GradingCommand | null {
  const fixed = Object.hasOwn(fixedKeys, key) ? fixedKeys[key] : undefined;
  if (fixed) return fixed;
  const level = row ? levelsOf(row).find((l) => l.key === key) : undefined;
  return level ? { kind: 'level', level: level.level } : null;
}

/** While the "finish this script?" dialog is open, only Enter (confirm) and Escape (cancel) count. */
export function confirmCommand(key: string): 'confirm' | 'cancel' | null {
  return key === 'Enter' ? 'confirm' : key === 'Escape' ? 'cancel' : null;
}

/** Keys typed into a comment or a field, and shortcuts with a modifier, are not the workspace's. */
export function leavesKeyAlone(stroke: { altKey: boolean; ctrlKey: boolean; metaKey: boolean }, originTag: string | undefined): boolean {
  if (originTag === 'TEXTAREA' || originTag === 'INPUT' || originTag === 'SELECT') return true;
  return stroke.altKey || stroke.ctrlKey || stroke.metaKey;
}

/** The first item of the next (or previous) block: a question in question order, a script in script order. */
export function blockStart(items: readonly Item[], index: number, mode: Mode, direction: 1 | -1): number {
  const blockOf = (i: Item) => (mode === 'question' ? (i.kind === 'answer' ? `q:${i.questionId}` : 'script') : `c:${i.candidateId}`);
  const at = (n: number): string => {
    const item = items[n];
    if (!item) throw new RangeError(`No item ${n} of ${items.length}`);
    return blockOf(item);
  };
  const current = at(index);
  if (direction === 1) {
    const next = items.findIndex((i, n) => n > index && blockOf(i) !== current);
    return next < 0 ? items.length - 1 : next;
  }
  let start = index;
  while (start > 0 && at(start - 1) === current) start--;
  if (start === 0) return 0;
  const previous = at(start - 1);
  let first = start - 1;
  while (first > 0 && at(first - 1) === previous) first--;
  return first;
}
