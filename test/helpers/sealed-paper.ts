// Opens a sealed paper as a kiosk does (server/exam/sealed-paper.ts: AES-256-GCM, the 16-byte
// tag after the ciphertext), for the tests and the load agents; throws when the key does not open it.
import { createDecipheriv } from 'node:crypto';
import type { PaperKey } from '../../server/contract/kiosk-protocol.js';
import type { SealedPaperContents, SealedPaperView } from '../../server/contract/sealed-paper.js';

export function openSealedPaper(view: SealedPaperView, key: PaperKey): SealedPaperContents {
  const bytes = Buffer.from(view.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.key, 'base64'), Buffer.from(view.nonce, 'base64'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8')) as SealedPaperContents;
}
