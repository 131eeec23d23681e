// Files that leave the server (backups on a USB key, exports) sealed with age (age-encryption, a
// maintained implementation of the age format: X25519 and ChaCha20-Poly1305, authenticated), to
// a recipient the server is given and an identity only the coordinator holds. The server can seal
// every minute without anyone typing a passphrase, and a stolen USB key reveals nothing.
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/** The file name a sealed copy gets. */
export const SEALED_SUFFIX = '.age';

/** The first bytes of every binary age file: a sealed file is recognised before anyone asks for a key. */
const AGE_HEADER = 'age-encryption.org/v1\n';

export function isSealed(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, AGE_HEADER.length)).toString('latin1') === AGE_HEADER;
}

/** A new key pair: the identity (secret, for the coordinator) and the recipient (public, for the server). */
export async function newCoordinatorKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export function isRecipient(text: string): boolean {
  return /^age1[02-9ac-hj-np-z]{58}$/.test(text.trim());
}

export function isIdentity(text: string): boolean {
  return /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/.test(text.trim());
}

export async function seal(bytes: Uint8Array, recipient: string): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(recipient.trim());
  return e.encrypt(bytes);
}

export type UnsealFailure = 'not-sealed' | 'bad-key' | 'wrong-key' | 'damaged';

/** Opens a sealed file with the coordinator's identity; says why when it cannot. */
export async function unseal(bytes: Uint8Array, identity: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; why: UnsealFailure }> {
  if (!isSealed(bytes)) return { ok: false, why: 'not-sealed' };
  if (!isIdentity(identity)) return { ok: false, why: 'bad-key' };
  const d = new Decrypter();
  d.addIdentity(identity.trim());
  try {
    return { ok: true, bytes: await d.decrypt(bytes) };
  } catch (err) {
    // age says "no identity matched any of the file's recipients" for another coordinator's key;
    // anything else is a file cut short or changed (the format authenticates every chunk).
    return { ok: false, why: /no identity matched/i.test((err as Error).message) ? 'wrong-key' : 'damaged' };
  }
}
