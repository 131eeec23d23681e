// The exam paper sealed in the waiting room (issue 15, item 3). When a proctor starts a room of a
// thousand kiosks, each of them fetching the questions, the document and its images in the same
// second kept the server busy for seconds while the room waited, and the saves of the rooms
// already writing waited too. So a kiosk that has acknowledged the monitoring notice fetches the
// paper beforehand, encrypted (AES-256-GCM) with a key that only the server holds; the start
// sends each kiosk the key in its `session-started` frame, a few dozen bytes, and the kiosk opens
// the paper on its own. Before the start a candidate holds bytes they cannot read: the rule
// "the document only once the section has started" still holds.
//
// The key lives in memory only: after a server restart, a sealed paper fetched earlier cannot be
// opened, and the kiosk fetches the paper at the start as it always did (the kiosk asks for a
// sealed paper again when it reconnects in the waiting room, and gets the new one).
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Pack } from '../content/pack-types.js';
import { resolvePackAssetWithType } from '../content/pack-assets.js';
import type { DocumentView } from '../contract/attempt.js';
import type { PaperKey } from '../contract/kiosk-protocol.js';
import type { SealedPaperContents, SealedPaperView } from '../contract/sealed-paper.js';
import { paperView } from './attempt-paper.js';
import { hasDocument } from './document-responses.js';

/** Images larger than this stay links in the sealed document (fetched as before, once shown). */
const INLINE_IMAGE_MAX_BYTES = 512 * 1024;

interface Sealed {
  digest: string;
  key: Buffer;
  view: SealedPaperView;
}

export class SealedPapers {
  private readonly sealed = new Map<number, Sealed>();

  /** The session's sealed paper, built once per session and pack version. */
  forSession(sessionId: number, pack: Pack): SealedPaperView {
    const held = this.sealed.get(sessionId);
    if (held && held.digest === pack.digest) return held.view;
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const plain = Buffer.from(JSON.stringify(sealedContents(pack)));
    const sealedBytes = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const view: SealedPaperView = { keyId: randomBytes(12).toString('base64url'), nonce: nonce.toString('base64'), sealed: sealedBytes.toString('base64') };
    this.sealed.set(sessionId, { digest: pack.digest, key, view });
    return view;
  }

  /**
   * The key of the session's sealed paper, for the start frame, and forgotten: once started, a
   * kiosk fetches the paper itself. Null when no kiosk fetched a sealed paper of this pack version.
   */
  takeKey(sessionId: number, pack: Pack | undefined): PaperKey | null {
    const held = this.sealed.get(sessionId);
    this.sealed.delete(sessionId);
    if (!held || !pack || held.digest !== pack.digest) return null;
    return { keyId: held.view.keyId, key: held.key.toString('base64') };
  }
}

/** What the sealed paper holds: the paper with its questions, every document with its images inlined. */
function sealedContents(pack: Pack): SealedPaperContents {
  const documents: DocumentView[] = pack.sections.filter(hasDocument).map((s) => ({ sectionId: s.id, html: inlineImages(s.documentHtml, pack), toc: s.documentToc }));
  return { paper: paperView(pack, true), documents };
}

/**
 * The document's images as data: addresses (the kiosks' Content-Security-Policy allows them), so
 * that the start sends nothing more; an image that cannot be read or is too large stays a link.
 */
function inlineImages(html: string, pack: Pack): string {
  const prefix = `/api/packs/${encodeURIComponent(pack.id)}/assets/`;
  return html.replace(/(<img\b[^>]*?\bsrc=")([^"]+)(")/g, (whole, before: string, src: string, after: string) => {
    if (!src.startsWith(prefix)) return whole;
    let relPath: string;
    try {
      relPath = src.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      return whole;
    }
    const asset = resolvePackAssetWithType(pack, relPath);
    if (!asset || statSync(asset.path).size > INLINE_IMAGE_MAX_BYTES) return whole;
    return `${before}data:${asset.contentType};base64,${readFileSync(asset.path).toString('base64')}${after}`;
  });
}
