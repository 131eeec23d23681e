// The save queue's parts on their own (issue 17): the local copies kept on the workstation, the
// merge with the server's answers, an acknowledgement taken into a record, and the snapshot the
// kiosk shows. Each sentence is a rule the queue relies on to keep a candidate's answer.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeAnswers } from '../../../client/kiosk/answer-merge.js';
import { LocalCopies, asideKeyPrefix, localKeyPrefix, sameScope } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveMessage, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import { SaveScheduler } from '../../../client/kiosk/save-scheduler.js';
import { mergedRecord, newAnswerRecord, snapshotOf, takeAcknowledgement, unacknowledgedEdits } from '../../../client/kiosk/save-state.js';
import { flushOutcome } from '../../../client/kiosk/save-waiters.js';
import { MemoryStorage } from '../memory-storage.js';

const scope = { sessionCode: 'abcdef', candidateCode: 'ghjkmnpq' };

describe('local copies', () => {
  it('keys copies by session and candidate, in capitals, apart from the copies put aside', () => {
    expect(localKeyPrefix(scope)).toBe('lectern.answers.v1.ABCDEF.GHJKMNPQ.');
    expect(asideKeyPrefix(scope)).toBe('lectern.answers-aside.v1.ABCDEF.GHJKMNPQ.');
  });

  it('tells the same candidate of the same session whatever the case, and nobody else', () => {
    expect(sameScope({ sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' }, scope)).toBe(true);
    expect(sameScope({ sessionCode: 'ABCDEX', candidateCode: 'GHJKMNPQ' }, scope)).toBe(false);
    expect(sameScope({ sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPX' }, scope)).toBe(false);
    expect(sameScope(null, scope)).toBe(false);
  });

  it('reads back only well-formed copies stored under their own question', () => {
    const storage = new MemoryStorage();
    const prefix = localKeyPrefix(scope);
    const put = (q: string, value: unknown) => storage.setItem(prefix + q, JSON.stringify(value));
    put('ok', { questionId: 'ok', revision: 1, text: 'a', base: 0 });
    put('nobase', { questionId: 'nobase', revision: 2, text: 'b' });
    put('badbase', { questionId: 'badbase', revision: 2, text: 'c', base: -1 });
    put('fractionbase', { questionId: 'fractionbase', revision: 2, text: 'c', base: 1.5 });
    put('stringbase', { questionId: 'stringbase', revision: 2, text: 'c', base: '1' });
    put('moved', { questionId: 'other', revision: 1, text: 'd', base: 0 });
    put('notext', { questionId: 'notext', revision: 1, base: 0 });
    put('zero', { questionId: 'zero', revision: 0, text: 'e', base: 0 });
    put('fraction', { questionId: 'fraction', revision: 1.5, text: 'f', base: 0 });
    put('nullvalue', null);
    const local = new LocalCopies(storage, scope);
    expect(local.all().sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual([
      { questionId: 'badbase', revision: 2, text: 'c', base: 0 },
      { questionId: 'fractionbase', revision: 2, text: 'c', base: 0 },
      { questionId: 'nobase', revision: 2, text: 'b', base: 0 },
      { questionId: 'ok', revision: 1, text: 'a', base: 0 },
      { questionId: 'stringbase', revision: 2, text: 'c', base: 0 },
    ]);
    expect(local.read('missing')).toBeNull();
  });

  it('removes a copy up to a revision, and keeps one that is newer', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.write({ questionId: 'q1', revision: 3, text: 'x', base: 1 });
    local.removeUpTo('q1', 2);
    expect(local.read('q1')?.revision).toBe(3);
    local.removeUpTo('q1', 3);
    expect(local.read('q1')).toBeNull();
  });

  it('leaves a copy in place when the storage is too full to put it aside', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    const edit = { questionId: 'q1', revision: 3, text: 'x', base: 1 };
    local.write(edit);
    storage.failWrites = true;
    local.putAside(edit);
    expect(local.read('q1')).toEqual(edit);
    storage.failWrites = false;
    local.putAside(edit);
    expect(local.read('q1')).toBeNull();
    expect(JSON.parse(storage.getItem(`${asideKeyPrefix(scope)}q1.3`)!)).toEqual(edit);
  });
});

describe('merging with the server', () => {
  it('keeps the newer of two local edits of one question (memory and storage), whichever comes first', () => {
    const server = [{ questionId: 'q1', text: 's', revision: 1, savedAt: 5 }];
    const newer = { questionId: 'q1', text: 'newer', revision: 4, base: 1 };
    const older = { questionId: 'q1', text: 'older', revision: 3, base: 1 };
    for (const edits of [[newer, older], [older, newer]]) {
      const { answers, discard, aside } = mergeAnswers(server, edits);
      expect(answers.get('q1')).toEqual({ questionId: 'q1', text: 'newer', revision: 4, ackedRevision: 1, ackedAt: 5 });
      expect(discard).toEqual([]);
      expect(aside).toEqual([]);
    }
  });

  it('takes a copy on an older base that holds the server’s very text as a continuation, not a divergence', () => {
    const { answers, aside } = mergeAnswers([{ questionId: 'q1', text: 'same', revision: 5, savedAt: 1 }], [{ questionId: 'q1', text: 'same', revision: 6, base: 3 }]);
    expect(aside).toEqual([]);
    expect(answers.get('q1')?.revision).toBe(6);
  });

  it('takes a copy built on the server’s latest revision as a continuation', () => {
    const { answers, aside } = mergeAnswers([{ questionId: 'q1', text: 'a', revision: 5, savedAt: 1 }], [{ questionId: 'q1', text: 'ab', revision: 6, base: 5 }]);
    expect(aside).toEqual([]);
    expect(answers.get('q1')?.text).toBe('ab');
  });
});

describe('an acknowledgement taken into a record', () => {
  it('never moves the acknowledged revision or its time back for a late answer to an older save', () => {
    const record = { ...newAnswerRecord('q1'), revision: 2, sentRevision: 2, sentAt: 5 };
    expect(takeAcknowledgement(record, { revision: 2, savedAt: 20 })).toBe('acknowledged');
    expect(takeAcknowledgement(record, { revision: 1, savedAt: 10 })).toBe('acknowledged');
    expect(record).toMatchObject({ ackedRevision: 2, ackedAt: 20 });
  });

  it('keeps a newer save in flight when an older one is acknowledged, and rebases the edits on it', () => {
    const record = { ...newAnswerRecord('q1'), revision: 3, base: 0, sentRevision: 3, sentAt: 5, conflicts: 2 };
    expect(takeAcknowledgement(record, { revision: 2, savedAt: 20 })).toBe('rebased');
    expect(record).toMatchObject({ sentRevision: 3, sentAt: 5, base: 2, conflicts: 2 });
    expect(takeAcknowledgement(record, { revision: 2, savedAt: 20 })).toBe('pending');
    expect(takeAcknowledgement(record, { revision: 3, savedAt: 30 })).toBe('acknowledged');
    expect(record).toMatchObject({ sentRevision: 0, sentAt: null, conflicts: 0, refusal: null });
  });

  it('carries what was known of the server across a merge that knows less', () => {
    const previous = { ...newAnswerRecord('q1'), ackedRevision: 4, ackedAt: 40 };
    expect(mergedRecord({ questionId: 'q1', text: 't', revision: 5, ackedRevision: 3, ackedAt: 30 }, previous)).toMatchObject({ ackedRevision: 4, ackedAt: 40, base: 4, revision: 5 });
    expect(mergedRecord({ questionId: 'q1', text: 't', revision: 5, ackedRevision: 4, ackedAt: 45 }, previous)).toMatchObject({ ackedRevision: 4, ackedAt: 45 });
    expect(mergedRecord({ questionId: 'q1', text: 't', revision: 5, ackedRevision: 3, ackedAt: 30 }, undefined)).toMatchObject({ ackedRevision: 3, ackedAt: 30, base: 3 });
  });

  it('lists as unacknowledged only the records ahead of the server', () => {
    const ahead = { ...newAnswerRecord('q1'), revision: 3, ackedRevision: 2, text: 'x', base: 2 };
    const level = { ...newAnswerRecord('q2'), revision: 2, ackedRevision: 2 };
    expect(unacknowledgedEdits([ahead, level])).toEqual([{ questionId: 'q1', revision: 3, text: 'x', base: 2 }]);
  });
});

describe('the snapshot the kiosk shows', () => {
  const saved = { ...newAnswerRecord('q1'), revision: 1, ackedRevision: 1, ackedAt: 10 };
  const pending = { ...newAnswerRecord('q2'), revision: 2, ackedRevision: 1, ackedAt: 5 };
  const queue = { online: true, stopped: null, held: null, localCopyFailed: false, putAside: 0 };

  it('shows a saved answer as saved even after sending stopped, and the pending one as refused', () => {
    const stopped = { reason: 'ended' as const, message: 'Ended.' };
    const snap = snapshotOf([saved, pending], { ...queue, stopped });
    expect(snap.questions.get('q1')).toEqual({ state: 'saved', savedAt: 10, refusal: null });
    expect(snap.questions.get('q2')).toEqual({ state: 'refused', savedAt: 5, refusal: stopped });
    expect(snap.state).toBe('refused');
  });

  it('says saved once sending stopped with nothing pending', () => {
    expect(snapshotOf([saved], { ...queue, stopped: { reason: 'submitted', message: 'S' } }).state).toBe('saved');
  });

  it('says saving online and offline otherwise, for the answer and for the whole attempt', () => {
    const online = snapshotOf([saved, pending], queue);
    expect([online.state, online.questions.get('q2')?.state, online.pendingCount, online.lastSavedAt]).toEqual(['saving', 'saving', 1, 10]);
    const offline = snapshotOf([saved, pending], { ...queue, online: false });
    expect([offline.state, offline.questions.get('q2')?.state]).toEqual(['offline', 'offline']);
  });

  it('says refused for the attempt when one answer is refused, and passes on the queue’s flags', () => {
    const refused = { ...pending, refusal: { reason: 'too-long' as const, message: 'Too long.' } };
    const snap = snapshotOf([saved, refused], { ...queue, held: 'locked', localCopyFailed: true, putAside: 2 });
    expect(snap).toMatchObject({ state: 'refused', held: 'locked', localCopyFailed: true, putAside: 2, stopped: null });
  });

  it('has no time of saving before any acknowledgement', () => {
    expect(snapshotOf([{ ...newAnswerRecord('q1'), revision: 1 }], queue).lastSavedAt).toBeNull();
  });

  it('is the previous snapshot itself when nothing shown changed, and a new one when anything did', () => {
    const previous = snapshotOf([saved, pending], queue);
    expect(snapshotOf([saved, { ...pending, revision: 3, text: 'one more key' }], queue, previous)).toBe(previous);
    const changes: [string, () => ReturnType<typeof snapshotOf>][] = [
      ['sending stopped', () => snapshotOf([saved, pending], { ...queue, stopped: { reason: 'ended', message: 'E' } }, previous)],
      ['sending held', () => snapshotOf([saved, pending], { ...queue, held: 'locked' }, previous)],
      ['a copy refused by the storage', () => snapshotOf([saved, pending], { ...queue, localCopyFailed: true }, previous)],
      ['a copy put aside', () => snapshotOf([saved, pending], { ...queue, putAside: 1 }, previous)],
      ['a question gone', () => snapshotOf([saved], queue, previous)],
      // Same counts and the same last time, only which question is pending changed.
      ['another question pending', () => snapshotOf([{ ...saved, revision: 2 }, { ...pending, ackedRevision: 2, ackedAt: 10 }], queue, previous)],
    ];
    for (const [what, next] of changes) expect(next(), what).not.toBe(previous);
  });
});

describe('when a flush settles', () => {
  it('waits for a pending answer, reports a refusal, and settles when all is acknowledged', () => {
    const acked = { ...newAnswerRecord('q1'), revision: 1, ackedRevision: 1 };
    const waiting = { ...newAnswerRecord('q2'), revision: 1 };
    const refusal = { reason: 'too-long' as const, message: 'Too long.' };
    expect(flushOutcome([acked], null)).toBe('settled');
    expect(flushOutcome([acked, waiting], null)).toBe('pending');
    expect(flushOutcome([waiting, { ...waiting, questionId: 'q3', refusal }], null)).toBe(refusal);
    expect(flushOutcome([acked], { reason: 'ended', message: 'E' })).toEqual({ reason: 'ended', message: 'E' });
    expect(flushOutcome([{ ...acked, refusal }], null)).toBe('settled');
  });
});

class Transport implements SaveTransport {
  online = true;
  sent: SaveMessage[] = [];
  reconnects = 0;
  send(save: SaveMessage) {
    this.sent.push(save);
    return true;
  }
  reconnect() {
    this.reconnects++;
  }
}

describe('the queue around its parts', () => {
  let clock = 0;
  let transport: Transport;
  let queue: SaveQueue;
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    transport = new Transport();
    queue = new SaveQueue(null, { storage: new MemoryStorage(), transport, monotonicNow: () => clock });
    queue.connectionChanged(true);
    queue.open(scope, []);
  });
  afterEach(() => vi.useRealTimers());

  it('sends nothing scheduled once the page lets the queue go', () => {
    queue.edit('q1', 'a');
    queue.hostDisconnected();
    advance(10_000);
    expect(transport.sent).toEqual([]);
  });

  it('no longer counts a refused save as unanswered, so the watchdog keeps a healthy connection', () => {
    queue.edit('q1', 'x');
    advance(1000);
    queue.refuse({ questionId: 'q1', revision: 1, reason: 'too-long', message: 'Too long.' });
    queue.edit('q2', 'y');
    advance(1000);
    queue.acknowledge({ questionId: 'q2', revision: 1, savedAt: 1 });
    advance(60_000);
    expect(transport.reconnects).toBe(0);
  });

  it('stops watching the connection once sending stopped', () => {
    queue.edit('q1', 'x');
    advance(1000);
    queue.stop({ reason: 'ended', message: 'Ended.' });
    advance(60_000);
    expect(transport.reconnects).toBe(0);
  });

  it('does not resend a newer save in flight when an older one is acknowledged', () => {
    queue.edit('q1', 'a');
    advance(1000);
    queue.edit('q1', 'ab');
    advance(1000);
    queue.acknowledge({ questionId: 'q1', revision: 1, savedAt: 1 });
    queue.sendNow();
    expect(transport.sent.map((s) => s.revision)).toEqual([1, 2]);
  });

  it('takes a receipt that holds a newer revision than this workstation’s as saved', () => {
    queue.edit('q1', 'a');
    advance(1000);
    queue.settleWithReceipt({ submittedAt: 1, kind: 'candidate', digest: 'x', answers: [{ questionId: 'q1', revision: 4, words: 1 }] });
    expect(queue.snapshot).toMatchObject({ state: 'saved', pendingCount: 0 });
  });

  it('keeps the scheduler’s promise: one send per burst, at the idle time or the longest wait', () => {
    const fired: number[] = [];
    const scheduler = new SaveScheduler(() => fired.push(clock), 100, 300);
    expect(scheduler.scheduled).toBe(false);
    scheduler.noteEdit();
    expect(scheduler.scheduled).toBe(true);
    advance(99);
    scheduler.noteEdit();
    advance(99);
    scheduler.noteEdit();
    advance(99);
    expect(fired).toEqual([]);
    advance(3);
    expect(fired).toEqual([300]);
    expect(scheduler.scheduled).toBe(false);
    advance(1000);
    expect(fired).toEqual([300]);
  });

  it('sends exactly at the idle time after the last key, or at the longest wait after the first, however the keys fall', () => {
    // The scheduler keeps one idle timer running through a burst of keys (it is not set again on
    // each key): the send must still fall when a timer set again on each key would have fired.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 150 }), { maxLength: 11 }), (gaps) => {
        const idleMs = 100;
        const maxWaitMs = 300;
        const start = clock;
        const fired: number[] = [];
        const scheduler = new SaveScheduler(() => fired.push(clock), idleMs, maxWaitMs, () => clock);
        const sendAt: number[] = [];
        let burstStart: number | null = null;
        let lastKey = 0;
        // The first key at 0, each next one `gap` milliseconds after the one before.
        let last = 0;
        const keyAt = new Set([0, ...gaps.map((gap) => (last += gap))]);
        for (let t = 0; t <= last + maxWaitMs; t++) {
          // What a timer set again on each key would do, at this millisecond, before this key.
          if (burstStart !== null && (t === lastKey + idleMs || t === burstStart + maxWaitMs)) {
            sendAt.push(start + t);
            burstStart = null;
          }
          if (keyAt.has(t)) {
            scheduler.noteEdit();
            burstStart ??= t;
            lastKey = t;
          }
          advance(1);
        }
        scheduler.cancel();
        expect(fired).toEqual(sendAt);
      }),
      { numRuns: 100 },
    );
  });

  it('fires nothing after a cancel, neither at the idle time nor at the longest wait', () => {
    const fired: number[] = [];
    const scheduler = new SaveScheduler(() => fired.push(clock), 100, 300);
    scheduler.noteEdit();
    advance(50);
    scheduler.cancel();
    expect(scheduler.scheduled).toBe(false);
    advance(1000);
    expect(fired).toEqual([]);
    scheduler.noteEdit();
    advance(100);
    expect(fired).toEqual([1150]);
  });
});
