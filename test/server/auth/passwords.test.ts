import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords.js';

describe('password hashing', () => {
  it('uses scrypt at N=2^17, r=8, p=1 with a random salt, and verifies only the right password', async () => {
    // The suite runs with a lower cost (vitest.config.ts); production has no such variable.
    const testCost = process.env.LECTERN_SCRYPT_LOG_N;
    delete process.env.LECTERN_SCRYPT_LOG_N;
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
    process.env.LECTERN_SCRYPT_LOG_N = testCost;
  });

  it('never goes below N=2^14 whatever the environment says', async () => {
    process.env.LECTERN_SCRYPT_LOG_N = '4';
    expect((await hashPassword('x')).startsWith('scrypt$131072$')).toBe(true);
    process.env.LECTERN_SCRYPT_LOG_N = '14';
    expect((await hashPassword('x')).startsWith('scrypt$16384$')).toBe(true);
  });
});
