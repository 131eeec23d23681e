// Sealing and opening the fallback file's answers with WebCrypto's AES-256-GCM (the browser's in
// the kiosk, Node's globalThis.crypto on the server): no crypto of our own. The additional
// authenticated data binds the ciphertext to its session and attempt, so a file whose envelope
// names another session or attempt than the one it was sealed for does not open.
import type { FallbackContent, FallbackEnvelope } from '../fallback-file.js';
import { FALLBACK_FORMAT, FALLBACK_VERSION } from '../fallback-names.js';

const TAG_BYTES = 16;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Null when `text` is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(new ArrayBuffer(binary.length));
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** What is authenticated besides the answers: the file's session and attempt, and its candidate. */
export function additionalData(sessionId: string, attemptId: number, candidate: string): Uint8Array<ArrayBuffer> {
  const text = `${FALLBACK_FORMAT}/${FALLBACK_VERSION}|session=${sessionId}|attempt=${attemptId}|candidate=${candidate}`;
  const encoded = new TextEncoder().encode(text);
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length));
  bytes.set(encoded);
  return bytes;
}

function aesKey(keyBase64: string, usage: 'encrypt' | 'decrypt') {
  const raw = fromBase64(keyBase64);
  if (!raw || raw.length !== 32) throw new Error('A fallback key is 32 bytes of base64.');
  return globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [usage]);
}

export interface SealInput {
  sessionId: string;
  attemptId: number;
  candidate: string;
  keyBase64: string;
  content: FallbackContent;
  createdAt: number;
}

/** The file's envelope, with a fresh random 12-byte IV for every file. */
export async function sealFallback(input: SealInput): Promise<FallbackEnvelope> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const plain = new TextEncoder().encode(JSON.stringify(input.content));
  const data = new Uint8Array(new ArrayBuffer(plain.length));
  data.set(plain);
  const key = await aesKey(input.keyBase64, 'encrypt');
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(input.sessionId, input.attemptId, input.candidate), tagLength: 128 }, key, data);
  return {
    format: FALLBACK_FORMAT,
    version: FALLBACK_VERSION,
    sessionId: input.sessionId,
    attemptId: input.attemptId,
    candidate: input.candidate,
    createdAt: input.createdAt,
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(sealed)),
  };
}

/** The ciphertext can hold a GCM tag at all: shorter means the file was cut. */
export function holdsTag(envelope: FallbackEnvelope): boolean {
  const bytes = fromBase64(envelope.ciphertext);
  return bytes !== null && bytes.length >= TAG_BYTES;
}

/**
 * The plaintext (the answers' JSON) if `keyBase64` and the additional data open the file, null if
 * the tag does not verify (altered, or another key or binding).
 */
export async function openFallback(envelope: FallbackEnvelope, keyBase64: string, bound: { sessionId: string; attemptId: number; candidate: string }): Promise<string | null> {
  const iv = fromBase64(envelope.iv);
  const sealed = fromBase64(envelope.ciphertext);
  if (!iv || iv.length !== 12 || !sealed) return null;
  const key = await aesKey(keyBase64, 'decrypt');
  try {
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(bound.sessionId, bound.attemptId, bound.candidate), tagLength: 128 }, key, sealed);
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** The salted digest of a proctor code (hex), as the kiosk checks it offline. */
export async function proctorCodeDigest(salt: string, code: string): Promise<string> {
  const encoded = new TextEncoder().encode(`${FALLBACK_FORMAT}|proctor|${salt}|${code.trim().toUpperCase().replace(/[\s-]/g, '')}`);
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length));
  bytes.set(encoded);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
