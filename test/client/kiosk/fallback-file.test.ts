// The kiosk's side of the fallback file, in Node (WebCrypto is globalThis.crypto.subtle here as in
// the browser): the newest copy of each answer goes into the file, the file opens with the
// attempt's key only under its own session and attempt, the key is cleared with the local copy,
// and the offer comes only after the set time without a break.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptView } from '../../../server/contract/attempt.js';
import type { FallbackEnvelope, FallbackIssue } from '../../../server/contract/fallback-file.js';
import { openFallback, proctorCodeDigest, toBase64 } from '../../../server/contract/rules/fallback-seal.js';
import { makeFallbackFile, newestAnswers } from '../../../client/kiosk/fallback-file.js';
import { keepFallbackKey, keptFallbackKey } from '../../../client/kiosk/fallback-key-store.js';
import { FallbackWatch } from '../../../client/kiosk/fallback-watch.js';
import { LocalCopies } from '../../../client/kiosk/local-copies.js';
import { MemoryStorage } from '../memory-storage.js';

const scope = { sessionCode: 'ABCDEF', candidateCode: 'GHJKMNPQ' };
const issue: FallbackIssue = { attemptId: 7, key: toBase64(new Uint8Array(32).fill(9)), offerAfterMs: 120_000, proctorCodeSalt: 'salt', proctorCodeDigest: '' };

function attempt(answers: AttemptView['answers']): AttemptView {
  return { session: { code: scope.sessionCode }, candidate: { code: scope.candidateCode }, answers, fallback: issue } as unknown as AttemptView;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the fallback file on the kiosk', () => {
  it('holds the newest of the server view, the kept copies and the unacknowledged edits', () => {
    const storage = new MemoryStorage();
    const local = new LocalCopies(storage, scope);
    local.keep({ questionId: 'q1', revision: 3, text: 'kept three' });
    local.write({ questionId: 'q1', revision: 5, text: 'edit five', base: 3 });
    local.keep({ questionId: 'q2', revision: 2, text: 'kept two' });
    const view = attempt([
      { questionId: 'q2', text: 'server four', revision: 4, savedAt: 1 },
      { questionId: 'q3', text: 'server one', revision: 1, savedAt: 1 },
    ]);
    expect(newestAnswers(view, storage)).toEqual([
      { questionId: 'q1', text: 'edit five', revision: 5 },
      { questionId: 'q2', text: 'server four', revision: 4 },
      { questionId: 'q3', text: 'server one', revision: 1 },
    ]);
  });

  it('round trip: opens with its key under its own session and attempt, and under nothing else', async () => {
    const storage = new MemoryStorage();
    new LocalCopies(storage, scope).write({ questionId: 'q1', revision: 2, text: 'Ünïcode and “quotes”.', base: 0 });
    const file = await makeFallbackFile(attempt([]), issue, storage, Date.UTC(2026, 11, 1, 13, 45, 7, 123));
    expect(file.name).toBe('lectern-secours-ABCDEF-GHJKMNPQ-2026-12-01T13-45-07Z.lectern');
    const envelope = JSON.parse(file.text) as FallbackEnvelope;
    expect(Object.keys(envelope)).toEqual(['format', 'version', 'sessionId', 'attemptId', 'candidate', 'createdAt', 'iv', 'ciphertext']);
    expect(file.text).not.toContain('quotes');
    const plain = await openFallback(envelope, issue.key, envelope);
    expect(JSON.parse(plain!)).toEqual({ answers: [{ questionId: 'q1', text: 'Ünïcode and “quotes”.', revision: 2 }] });
    expect(await openFallback(envelope, issue.key, { ...envelope, attemptId: 8 })).toBeNull();
    expect(await openFallback(envelope, issue.key, { ...envelope, sessionId: 'ZZZZZZ' })).toBeNull();
    expect(await openFallback(envelope, toBase64(new Uint8Array(32).fill(1)), envelope)).toBeNull();
    // Two files of the same answers never share an IV.
    const again = JSON.parse((await makeFallbackFile(attempt([]), issue, storage)).text) as FallbackEnvelope;
    expect(again.iv).not.toBe(envelope.iv);
  });

  it('keeps the key with the local copy and clears it with it', () => {
    const storage = new MemoryStorage();
    keepFallbackKey(storage, scope, issue);
    const other = { sessionCode: 'ABCDEF', candidateCode: 'RSTVWXYZ' };
    keepFallbackKey(storage, other, { ...issue, attemptId: 8 });
    expect(keptFallbackKey(storage, scope)).toEqual(issue);
    new LocalCopies(storage, scope).clearKeptOfOthers();
    expect(keptFallbackKey(storage, other)).toBeNull();
    expect(keptFallbackKey(storage, scope)).toEqual(issue);
    new LocalCopies(storage, scope).clearKept();
    expect(keptFallbackKey(storage, scope)).toBeNull();
  });

  it('is offered after the set time without the server, and a reconnect starts the wait again', () => {
    vi.useFakeTimers({ now: 0 });
    const changed = vi.fn();
    const watch = new FallbackWatch(changed);
    watch.connection('offline', 1000);
    vi.advanceTimersByTime(600);
    watch.connection('connecting', 1000);
    expect(watch.due(1000)).toBe(false);
    watch.connection('online', 1000);
    watch.connection('offline', 1000);
    vi.advanceTimersByTime(999);
    expect(watch.due(1000)).toBe(false);
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(watch.due(1000)).toBe(true);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('checks the proctor code against its salted digest, whatever the case and separators typed', async () => {
    const digest = await proctorCodeDigest('salt', 'ABCDEF');
    expect(await proctorCodeDigest('salt', 'abc-def ')).toBe(digest);
    expect(await proctorCodeDigest('salt', 'ABCDEG')).not.toBe(digest);
    expect(await proctorCodeDigest('other', 'ABCDEF')).not.toBe(digest);
  });
});
