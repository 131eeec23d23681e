import { describe, expect, it } from 'vitest';
import { isIdentity, isRecipient, isSealed, newCoordinatorKey, seal, unseal } from '../../../server/common/sealed-file.js';

const data = new TextEncoder().encode('candidate_id;question;text\n1;q1;Le minuteur démarre à 06:30.\n');

describe('files sealed for the coordinator', () => {
  it('a sealed file opens with the coordinator’s identity and gives back every byte', async () => {
    const key = await newCoordinatorKey();
    expect(isRecipient(key.recipient)).toBe(true);
    expect(isIdentity(key.identity)).toBe(true);
    const sealed = await seal(data, key.recipient);
    expect(isSealed(sealed)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from('06:30'))).toBe(false);
    const opened = await unseal(sealed, key.identity);
    expect(opened.ok && Buffer.from(opened.bytes).equals(Buffer.from(data))).toBe(true);
  });

  it('another coordinator’s key, a changed byte, a cut file and a plain file are each refused for their own reason', async () => {
    const key = await newCoordinatorKey();
    const other = await newCoordinatorKey();
    const sealed = await seal(data, key.recipient);
    expect(await unseal(sealed, other.identity)).toEqual({ ok: false, why: 'wrong-key' });
    const changed = Uint8Array.from(sealed);
    changed[changed.length - 5] = changed[changed.length - 5]! ^ 0x01;
    expect(await unseal(changed, key.identity)).toEqual({ ok: false, why: 'damaged' });
    expect(await unseal(sealed.subarray(0, sealed.length - 20), key.identity)).toEqual({ ok: false, why: 'damaged' });
    expect(await unseal(data, key.identity)).toEqual({ ok: false, why: 'not-sealed' });
    expect(await unseal(sealed, 'not a key')).toEqual({ ok: false, why: 'bad-key' });
  });
});

describe('npm run coordinator-key', () => {
  it('prints the public key for the server and the secret key for the coordinator, a working pair', async () => {
    const { printCoordinatorKey } = await import('../../../server/cli/coordinator-key.js');
    const lines: string[] = [];
    const key = await printCoordinatorKey('fr', (l) => lines.push(l));
    expect(lines).toContain(`À donner au serveur (clé publique) : LECTERN_SEAL_RECIPIENT=${key.recipient}`);
    expect(lines).toContain(`  ${key.identity}`);
    const opened = await unseal(await seal(data, key.recipient), key.identity);
    expect(opened.ok).toBe(true);
  });

  it('prints its usage, not a key, for --help or an unknown option, in the language asked', async () => {
    const { runCoordinatorKey } = await import('../../../server/cli/coordinator-key.js');
    const lines: string[] = [];
    expect(await runCoordinatorKey(['--help'], {}, (l) => lines.push(l))).toBe(0);
    expect(await runCoordinatorKey(['--lang', 'en', '--force'], {}, (l) => lines.push(l))).toBe(2);
    expect(await runCoordinatorKey(['--lang', 'de'], { LECTERN_LANG: 'en' }, (l) => lines.push(l))).toBe(2);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Utilisation : npm run coordinator-key/);
    expect(lines[1]).toMatch(/^Usage: npm run coordinator-key/);
    expect(lines.join('\n')).not.toMatch(/AGE-SECRET-KEY|age1/);
    lines.length = 0;
    expect(await runCoordinatorKey(['--lang', 'en'], {}, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('A new coordinator key for encrypted backups and exports.');
  });
});
