// A section's document as the kiosks receive it, built once per pack version and encoding: the
// JSON, and its gzip and brotli forms. When a proctor starts a room, every kiosk asks for every
// document within the same second (issue 15, item 3): serialising and compressing it a thousand
// times would cost the server what it needs for the saves meanwhile, and sending it uncompressed
// a thousand times would fill a 100 Mbit/s room network for over a second.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { DocumentView } from '../contract/attempt.js';
import type { Pack, Section } from '../content/pack-types.js';

export type DocumentEncoding = 'br' | 'gzip' | 'identity';

export interface DocumentResponse {
  /** A strong validator: the same bytes (before encoding) give the same tag. */
  etag: string;
  bodies: Record<DocumentEncoding, Buffer>;
}

/** The encoding to send, from the request's Accept-Encoding (brotli first, then gzip). */
export function chooseEncoding(acceptEncoding: string | undefined): DocumentEncoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/** Whether If-None-Match names this tag (or any): the kiosk already has these bytes. */
export function alreadyHeld(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** A section that has a document (the route refuses the others first). */
export type SectionWithDocument = Section & { documentHtml: string };

export function hasDocument(section: Section): section is SectionWithDocument {
  return typeof section.documentHtml === 'string' && section.documentHtml !== '';
}

export class DocumentResponses {
  private readonly responses = new Map<string, DocumentResponse>();

  /** The section's document response, built on first use; a changed pack (its digest) is a new entry. */
  get(pack: Pack, section: SectionWithDocument): DocumentResponse {
    const key = `${pack.id}\u0000${pack.digest}\u0000${section.id}`;
    let response = this.responses.get(key);
    if (!response) {
      const view: DocumentView = { sectionId: section.id, html: section.documentHtml, toc: section.documentToc };
      const json = Buffer.from(JSON.stringify(view));
      response = {
        etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
        bodies: {
          identity: json,
          gzip: gzipSync(json, { level: 9 }),
          br: brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }),
        },
      };
      this.responses.set(key, response);
    }
    return response;
  }
}
