// The paper sealed in the waiting room (server/exam/sealed-paper.ts): fetched once the notice is
// acknowledged, opened with the key of the `session-started` frame, so that the exam appears
// at the start without asking the server for anything while the whole room starts at once.
// AES-GCM from @noble/ciphers rather than the browser's crypto.subtle: the room's server is
// usually reached over plain HTTP on the LAN, where browsers do not offer crypto.subtle. The
// cipher is loaded with the sealed paper, in the waiting room: the login screen does not wait for it.
import type { PaperKey } from '../../server/contract/kiosk-protocol.js';
import type { SealedPaperContents, SealedPaperView } from '../../server/contract/sealed-paper.js';
import type { KioskApi } from './kiosk-ports.js';

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type Gcm = typeof import('./sealed-cipher.js').gcm;

export class SealedPaper {
  private held: SealedPaperView | null = null;
  private gcm: Gcm | null = null;
  private fetching: Promise<void> | null = null;

  constructor(private readonly api: KioskApi) {}

  /**
   * Fetches the sealed paper (again after a reconnect: a restarted server seals with a new key;
   * an unchanged one answers 304). A failure is not shown: at the start, the kiosk fetches the
   * paper as it would without a sealed one.
   */
  fetch(): Promise<void> {
    this.fetching ??= Promise.all([this.api.get<SealedPaperView>('/api/attempt/sealed-paper', { revalidate: true }), import('./sealed-cipher.js')])
      .then(
        ([view, aes]) => {
          this.held = view;
          this.gcm = aes.gcm;
        },
        () => undefined,
      )
      .finally(() => (this.fetching = null));
    return this.fetching;
  }

  /**
   * The paper and its documents, opened with the start's key; null when this kiosk holds no
   * sealed paper for that key (fetched before a server restart, or not fetched at all) or it does
   * not open. Used once: the held bytes are dropped either way.
   */
  open(key: PaperKey): SealedPaperContents | null {
    const held = this.held;
    this.held = null;
    if (!held || !this.gcm || held.keyId !== key.keyId) return null;
    try {
      const plain = this.gcm(bytesOf(key.key), bytesOf(held.nonce)).decrypt(bytesOf(held.sealed));
      const contents = JSON.parse(new TextDecoder().decode(plain)) as SealedPaperContents;
      return contents.paper.sections.some((s) => s.questions.length > 0) ? contents : null;
    } catch {
      return null;
    }
  }
}
