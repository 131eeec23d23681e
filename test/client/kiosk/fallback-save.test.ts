// What the kiosk's offer and the proctor's row share (client/kiosk/fallback-save.ts), in Node: the
// key the file is sealed with (the attempt's, else the one kept on the workstation through a reload
// while the server is away), and each outcome as a catalogue key a language switch rewords.
import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../../server/contract/attempt.js';
import type { FallbackIssue } from '../../../server/contract/fallback-file.js';
import { toBase64 } from '../../../server/contract/rules/fallback-seal.js';
import { fallbackIssue, keepIssue, saveFallbackFile } from '../../../client/kiosk/fallback-save.js';
import { MemoryStorage } from '../memory-storage.js';

const issue: FallbackIssue = { attemptId: 7, key: toBase64(new Uint8Array(32).fill(9)), offerAfterMs: 3000, proctorCodeSalt: 'salt', proctorCodeDigest: '' };

function attempt(fallback: FallbackIssue | null): AttemptView {
  return { session: { code: 'ABCDEF' }, candidate: { code: 'GHJKMNPQ' }, answers: [], fallback } as unknown as AttemptView;
}

describe('the fallback file shared by the offer and the proctor’s row', () => {
  it('seals with the attempt’s key, else the one kept on the workstation, else none', () => {
    const storage = new MemoryStorage();
    expect(fallbackIssue(null, storage)).toBeNull();
    expect(fallbackIssue(attempt(null), storage)).toBeNull();
    expect(fallbackIssue(attempt(issue), storage)).toEqual(issue);
    keepIssue(attempt(issue), storage);
    // A reload while the server is away: the attempt comes from the local copy, without its key.
    expect(fallbackIssue(attempt(null), storage)).toEqual(issue);
    expect(fallbackIssue(attempt(null), null)).toBeNull();
  });

  it('says there is no key, or why the file could not be made, as catalogue keys', async () => {
    expect(await saveFallbackFile(attempt(null), new MemoryStorage())).toEqual({ kind: 'error', key: 'fallback.noKey' });
    expect(await saveFallbackFile(null, null)).toEqual({ kind: 'error', key: 'fallback.noKey' });
    // In Node there is no page to download into: the download's failure is reported, not thrown.
    const outcome = await saveFallbackFile(attempt(issue), new MemoryStorage());
    expect(outcome).toMatchObject({ kind: 'error', key: 'fallback.failed' });
    expect(String(outcome.params?.['message'])).toMatch(/document|URL|Blob/);
  });
});
