import { describe, expect, it } from 'vitest';
import { blockStart, confirmCommand, gradingCommand, leavesKeyAlone } from '../../../client/grading/grading-keys.js';
import type { Item, Row } from '../../../client/grading/grading-model.js';

const keyPoint: Row = { kind: 'keyPoint', id: 'kp1', text: 'Pods are scheduled on nodes' };
const band: Row = { kind: 'band', rubricId: 'b1-writing', criterionId: 'clarity' };
const comment: Row = { kind: 'comment' };

describe('the grading keyboard map', () => {
  it('moves between rows with the up and down arrows, and between items with left, right and Enter', () => {
    expect(gradingCommand('ArrowDown', keyPoint)).toEqual({ kind: 'row', step: 1 });
    expect(gradingCommand('ArrowUp', keyPoint)).toEqual({ kind: 'row', step: -1 });
    expect(gradingCommand('ArrowRight', keyPoint)).toEqual({ kind: 'item', step: 1 });
    expect(gradingCommand('Enter', comment)).toEqual({ kind: 'item', step: 1 });
    expect(gradingCommand('ArrowLeft', keyPoint)).toEqual({ kind: 'item', step: -1 });
  });

  it('jumps by block with Page Up and Page Down, and to the ends with Home and End', () => {
    expect(gradingCommand('PageDown', undefined)).toEqual({ kind: 'block', step: 1 });
    expect(gradingCommand('PageUp', undefined)).toEqual({ kind: 'block', step: -1 });
    expect(gradingCommand('Home', undefined)).toEqual({ kind: 'first' });
    expect(gradingCommand('End', undefined)).toEqual({ kind: 'last' });
  });

  it('takes the letter commands in either case', () => {
    for (const [key, kind] of [
      ['n', 'next-missing'],
      ['c', 'comment'],
      ['v', 'switch-mode'],
      ['f', 'finish'],
      ['o', 'reopen'],
      ['h', 'toggle-help'],
    ] as const) {
      expect(gradingCommand(key, keyPoint), key).toEqual({ kind });
      expect(gradingCommand(key.toUpperCase(), keyPoint), key.toUpperCase()).toEqual({ kind });
    }
    expect(gradingCommand('?', keyPoint)).toEqual({ kind: 'toggle-help' });
    expect(gradingCommand('Escape', keyPoint)).toEqual({ kind: 'close-help' });
  });

  it('sets a level with its digit, on the scale of the current row only', () => {
    expect(gradingCommand('2', keyPoint)).toEqual({ kind: 'level', level: 'found' });
    expect(gradingCommand('0', keyPoint)).toEqual({ kind: 'level', level: 'missing' });
    expect(gradingCommand('5', keyPoint)).toBeNull();
    expect(gradingCommand('5', band)).toEqual({ kind: 'level', level: 5 });
    expect(gradingCommand('2', comment)).toBeNull();
    expect(gradingCommand('2', undefined)).toBeNull();
  });

  it('leaves other keys to the browser', () => {
    expect(gradingCommand('x', keyPoint)).toBeNull();
    expect(gradingCommand('Tab', keyPoint)).toBeNull();
    expect(gradingCommand('toString', keyPoint)).toBeNull();
  });

  it('answers only Enter and Escape while the finish dialog is open', () => {
    expect(confirmCommand('Enter')).toBe('confirm');
    expect(confirmCommand('Escape')).toBe('cancel');
    expect(confirmCommand('2')).toBeNull();
  });

  it('ignores what is typed into a comment or a field, and shortcuts with a modifier', () => {
    const plain = { altKey: false, ctrlKey: false, metaKey: false };
    expect(leavesKeyAlone(plain, 'TEXTAREA')).toBe(true);
    expect(leavesKeyAlone(plain, 'INPUT')).toBe(true);
    expect(leavesKeyAlone(plain, 'SELECT')).toBe(true);
    expect(leavesKeyAlone({ ...plain, ctrlKey: true }, 'LECTERN-GRADING-WORKSPACE')).toBe(true);
    expect(leavesKeyAlone({ ...plain, altKey: true }, undefined)).toBe(true);
    expect(leavesKeyAlone({ ...plain, metaKey: true }, undefined)).toBe(true);
    expect(leavesKeyAlone(plain, 'LECTERN-GRADING-WORKSPACE')).toBe(false);
    expect(leavesKeyAlone(plain, undefined)).toBe(false);
  });
});

describe('blocks of items', () => {
  const answer = (candidateId: number, questionId: string): Item => ({ kind: 'answer', candidateId, questionId });
  // By question: q1 for candidates 1-2, q2 for candidates 1-2, then the scripts.
  const byQuestion: Item[] = [answer(1, 'q1'), answer(2, 'q1'), answer(1, 'q2'), answer(2, 'q2'), { kind: 'script', candidateId: 1 }, { kind: 'script', candidateId: 2 }];
  // By script: each candidate's answers then their script.
  const byScript: Item[] = [answer(1, 'q1'), answer(1, 'q2'), { kind: 'script', candidateId: 1 }, answer(2, 'q1'), answer(2, 'q2'), { kind: 'script', candidateId: 2 }];

  it('goes to the first answer of the next question, or the last item from the last block', () => {
    expect(blockStart(byQuestion, 0, 'question', 1)).toBe(2);
    expect(blockStart(byQuestion, 3, 'question', 1)).toBe(4);
    expect(blockStart(byQuestion, 4, 'question', 1)).toBe(5);
  });

  it('goes back to the first answer of the previous question, and stays at 0 in the first block', () => {
    expect(blockStart(byQuestion, 3, 'question', -1)).toBe(0);
    expect(blockStart(byQuestion, 5, 'question', -1)).toBe(2);
    expect(blockStart(byQuestion, 1, 'question', -1)).toBe(0);
  });

  it('goes by candidate in script order', () => {
    expect(blockStart(byScript, 1, 'script', 1)).toBe(3);
    expect(blockStart(byScript, 4, 'script', -1)).toBe(0);
    expect(blockStart(byScript, 3, 'script', 1)).toBe(5);
  });
});
