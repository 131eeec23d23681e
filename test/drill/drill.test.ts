import { describe, expect, it } from 'vitest';
import { runDrill } from './drill.js';

// The quick versions of `npm run drill` (issue 10, item 3), bounded in time: loopback only.

describe('the recovery drill', () => {
  // Short answers (20 characters a question) and a backup every 4 s: kiosks finish questions
  // between the newest backup and the kill, so the restored server lacks text they saw
  // acknowledged, and only the kiosks can give it back (each keeps a second copy until the receipt).
  // Besides the 30 simulated kiosks, 2 real Chromium kiosks type into the kiosk's page throughout.
  it('30 kiosks and 2 Chromium kiosks: server killed, data folder deleted, newest backup restored, every character typed is on the server', { timeout: 240_000 }, async () => {
    const result = await runDrill({ kiosks: 30, browserKiosks: 2, killWindowMs: [7000, 11_000], afterMs: 2000, charsPerQuestion: 20, backupIntervalS: 4 });
    console.log(
      `drill: typed ${result.typedChars} (Chromium ${result.browserTypedChars}), on the server ${result.serverChars} (Chromium ${result.browserServerChars}), acknowledged but not in the backup ${result.ackedMissingFromBackup}, restart to every kiosk saved ${result.resumeMs} ms, backup ${result.backupAgeMs} ms old`,
    );
    expect(result.browserKiosks).toBe(2);
    expect(result.browserTypedChars).toBeGreaterThan(0);
    expect(result.browserServerChars).toBe(result.browserTypedChars);
    expect(result.integrity).toBe('ok');
    // The drill tried what it is for: the backup lacked acknowledged text.
    expect(result.ackedMissingFromBackup).toBeGreaterThan(0);
    expect(result.differing).toEqual([]);
    expect(result.serverChars).toBe(result.typedChars);
    expect(result.typedChars).toBeGreaterThan(0);
  });
});
