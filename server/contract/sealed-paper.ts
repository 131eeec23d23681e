// The exam paper sealed in the waiting room, and the key the start sends (server/exam/sealed-paper.ts).
import { Type, type Static } from '@sinclair/typebox';
import { AttemptPaperView, DocumentView } from './attempt.js';


/** GET /api/attempt/sealed-paper: AES-256-GCM, the 16-byte tag after the ciphertext. */
export const SealedPaperView = Type.Object({
  /** Names the key that opens it; the start frame's key must carry the same. */
  keyId: Type.String(),
  /** base64, 12 bytes. */
  nonce: Type.String(),
  /** base64: the encrypted JSON of SealedPaperContents, then the tag. */
  sealed: Type.String(),
});
export type SealedPaperView = Static<typeof SealedPaperView>;

/** What a sealed paper holds once opened: the paper with its questions, and every section's document. */
export const SealedPaperContents = Type.Object({
  paper: AttemptPaperView,
  documents: Type.Array(DocumentView),
});
export type SealedPaperContents = Static<typeof SealedPaperContents>;
