import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { databaseFile } from '../../../server/db/connection.js';
import { takeBackup } from '../../../server/db/backup/take-backup.js';
import { listBackups } from '../../../server/db/backup/backup-files.js';
import { restoreBackup } from '../../../server/db/backup/restore.js';
import { isSealed, newCoordinatorKey } from '../../../server/common/sealed-file.js';
import { readConfig } from '../../../server/config.js';

let t: TestApp;
let scratch: string;
beforeEach(async () => {
  t = await buildTestApp();
  scratch = mkdtempSync(join(tmpdir(), 'lectern-sealed-backup-'));
});
afterEach(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('backups on the second folder (a USB key) sealed for the coordinator', { timeout: 120_000 }, () => {
  it('are unreadable without the key, restore with it, and are refused with another key, damaged, or without a key', async () => {
    for (let i = 0; i < 50; i++) t.app.audit.append({ actorKind: 'system', action: 'test.sealed', detail: { i, text: 'Réponse du candidat B2' } });
    const key = await newCoordinatorKey();
    const usb = join(scratch, 'usb');
    const outcome = await takeBackup(databaseFile(t.app.db), { primary: join(t.dataDir, 'backups'), secondary: usb, sealTo: key.recipient }, 'interval');
    expect(outcome.secondaryError).toBeNull();
    const [onUsb] = listBackups(usb);
    expect(onUsb?.file).toMatch(/\.sqlite\.age$/);
    const sealed = readFileSync(onUsb!.path);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.includes(Buffer.from('Réponse du candidat'))).toBe(false);
    // The primary copy on the server's own disk stays plain: the server reads it without anyone.
    expect(isSealed(readFileSync(listBackups(join(t.dataDir, 'backups'))[0]!.path))).toBe(false);

    const target = join(scratch, 'restored');
    expect(await restoreBackup(onUsb!.path, target)).toEqual({ ok: false, refusal: { reason: 'needs-key', file: onUsb!.path } });
    const other = await newCoordinatorKey();
    expect(await restoreBackup(onUsb!.path, target, { identity: other.identity })).toEqual({ ok: false, refusal: { reason: 'wrong-key', file: onUsb!.path } });
    const damaged = join(usb, 'damaged.sqlite.age');
    const bytes = Buffer.from(sealed);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(damaged, bytes);
    expect(await restoreBackup(damaged, target, { identity: key.identity })).toEqual({ ok: false, refusal: { reason: 'sealed-damaged', file: damaged } });

    const restored = await restoreBackup(onUsb!.path, target, { identity: key.identity });
    expect(restored).toMatchObject({ ok: true, auditHead: outcome.manifest.auditHead });
  });

  it('the server refuses a seal key that is not a coordinator’s public key, in one sentence', () => {
    expect(() => readConfig([], { LECTERN_SEAL_RECIPIENT: 'AGE-SECRET-KEY-1XYZ' })).toThrow(/LECTERN_SEAL_RECIPIENT must be the coordinator's public key/);
  });
});
