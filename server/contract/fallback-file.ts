// The fallback file (issue 10, item 4): what a kiosk that cannot reach the server saves through
// the browser's download, and what the admin imports on a restored or replacement server.
// The envelope is plain JSON so a person can see whose file it is; the answers are AES-256-GCM
// ciphertext under the attempt's key, with the session and the attempt as additional
// authenticated data (rules/fallback-seal.ts).
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, OneOf } from './common.js';
import { FALLBACK_FORMAT, FALLBACK_VERSION } from './fallback-names.js';

export { FALLBACK_EXTENSION, FALLBACK_FORMAT, FALLBACK_VERSION } from './fallback-names.js';

export const FallbackEnvelope = Type.Object(
  {
    format: Type.Literal(FALLBACK_FORMAT),
    version: Type.Literal(FALLBACK_VERSION),
    /** The session's code (what the proctor and the slips call the session). */
    sessionId: Type.String({ minLength: 1, maxLength: 32 }),
    /** The attempt (the candidate's row on the server that issued the key). */
    attemptId: Type.Integer({ minimum: 1 }),
    /** The candidate code on the slip. */
    candidate: Type.String({ minLength: 1, maxLength: 32 }),
    createdAt: Type.Integer(),
    /** 12 bytes, base64. */
    iv: Type.String({ minLength: 16, maxLength: 16 }),
    /** The answers' JSON sealed with AES-256-GCM (its 16-byte tag at the end), base64. */
    ciphertext: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type FallbackEnvelope = Static<typeof FallbackEnvelope>;

export const FallbackAnswer = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    text: Type.String(),
    revision: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type FallbackAnswer = Static<typeof FallbackAnswer>;

/** What the ciphertext holds. */
export const FallbackContent = Type.Object({ answers: Type.Array(FallbackAnswer) }, { additionalProperties: false });
export type FallbackContent = Static<typeof FallbackContent>;

/** What the kiosk receives with its attempt (GET /api/attempt): the key and when to offer the file. */
export const FallbackIssue = Type.Object({
  attemptId: Type.Integer({ minimum: 1 }),
  /** The raw 32-byte AES key, base64. */
  key: Type.String(),
  /** How long the server may stay unreachable before the kiosk offers the file (default 2 minutes). */
  offerAfterMs: Type.Integer({ minimum: 0 }),
  /** The session's proctor code, as a salted SHA-256 (hex): checked on the kiosk while the server is away. */
  proctorCodeSalt: Type.String(),
  proctorCodeDigest: Type.String(),
});
export type FallbackIssue = Static<typeof FallbackIssue>;

/** Why a file is refused; pages word each as `fallback.refused.<reason>` with the file's name. */
export const fallbackRefusals = ['forged', 'truncated', 'altered', 'other-attempt', 'other-session', 'unknown-attempt'] as const;
export type FallbackRefusal = (typeof fallbackRefusals)[number];

/** One file as the admin page sends it (read as text in the browser). */
export const FallbackUpload = Type.Object(
  {
    /** When given, a file of another session is refused (the admin page imports for one session). */
    sessionCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    files: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), content: Type.String({ maxLength: 4 * 1024 * 1024 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);
export type FallbackUpload = Static<typeof FallbackUpload>;

/** The outcome of one file: imported (what changed, what the server already held) or refused. */
export const FallbackFileOutcome = Type.Object({
  file: Type.String(),
  outcome: OneOf(['imported', 'refused'] as const),
  refusal: Nullable(OneOf(fallbackRefusals)),
  /** For other-attempt: the candidate whose key opens the file. */
  otherCandidate: Nullable(Type.String()),
  sessionCode: Nullable(Type.String()),
  candidateCode: Nullable(Type.String()),
  /** Question ids whose imported revision is newer than the server's: written. */
  imported: Type.Array(Type.String()),
  /** Question ids the server already held at that revision or newer. */
  alreadyHeld: Type.Array(Type.String()),
});
export type FallbackFileOutcome = Static<typeof FallbackFileOutcome>;

export const FallbackImportResult = Type.Object({ files: Type.Array(FallbackFileOutcome) });
export type FallbackImportResult = Static<typeof FallbackImportResult>;

/** The session's proctor code for the fallback file, shown to the session's proctors. */
export const FallbackProctorCode = Type.Object({ code: Type.String() });
export type FallbackProctorCode = Static<typeof FallbackProctorCode>;
