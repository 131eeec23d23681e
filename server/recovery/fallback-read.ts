// Reading one fallback file before anything is written: is it ours and whole (the envelope), whose
// attempt and session, and does the attempt's key open it. Each way a file can be wrong is its
// own refusal, so the message names what is wrong with that file (issue 10, item 4).
import { Value } from '@sinclair/typebox/value';
import { FALLBACK_FORMAT, FallbackContent, FallbackEnvelope, type FallbackRefusal } from '../contract/fallback-file.js';
import { holdsTag, openFallback } from '../contract/rules/fallback-seal.js';
import type { AttemptRow, FallbackRepo } from './fallback.repo.js';

export type FallbackReading =
  | { ok: true; envelope: FallbackEnvelope; attempt: AttemptRow; content: FallbackContent }
  | { ok: false; refusal: FallbackRefusal; envelope: FallbackEnvelope | null; otherCandidate?: string };

function refused(refusal: FallbackRefusal, envelope: FallbackEnvelope | null = null, otherCandidate?: string): FallbackReading {
  return { ok: false, refusal, envelope, ...(otherCandidate ? { otherCandidate } : {}) };
}

/** Bad JSON: cut short when it starts like one of our files (an interrupted copy), forged otherwise. */
function unreadable(content: string): FallbackReading {
  const ours = content.trimStart().startsWith('{') && content.includes(`"${FALLBACK_FORMAT}"`);
  return refused(ours ? 'truncated' : 'forged');
}

export function parseEnvelope(content: string): { envelope: FallbackEnvelope } | { refusal: FallbackReading } {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { refusal: unreadable(content) };
  }
  if (!Value.Check(FallbackEnvelope, value)) return { refusal: refused('forged') };
  if (!holdsTag(value)) return { refusal: refused('truncated', value) };
  return { envelope: value };
}

/**
 * The attempt named by the file, in the session it names and, when the import is for one session,
 * in that one. A session this server does not hold is "another session"; an attempt it does not
 * hold (or that never got a key: a backup older than its login) is "unknown".
 */
function attemptOf(repo: FallbackRepo, envelope: FallbackEnvelope, expectedSession: string | null): AttemptRow | FallbackReading {
  if (expectedSession !== null && envelope.sessionId !== expectedSession) return refused('other-session', envelope);
  if (repo.sessionIdByCode(envelope.sessionId) === null) return refused('other-session', envelope);
  const attempt = repo.attempt(envelope.attemptId);
  if (!attempt || attempt.sessionCode !== envelope.sessionId || attempt.key === null) return refused('unknown-attempt', envelope);
  return attempt;
}

/** Whether another attempt's key opens it (a file relabelled, or sealed by another candidate's kiosk). */
async function openedByAnother(repo: FallbackRepo, envelope: FallbackEnvelope, attempt: AttemptRow): Promise<string | null> {
  for (const other of repo.keys(attempt.sessionId)) {
    if (other.candidateId === attempt.candidateId) continue;
    const asLabelled = await openFallback(envelope, other.key, envelope);
    const asItsOwn = asLabelled ?? (await openFallback(envelope, other.key, { sessionId: envelope.sessionId, attemptId: other.candidateId, candidate: other.candidateCode }));
    if (asItsOwn !== null) return other.candidateCode;
  }
  return null;
}

export async function readFallbackFile(repo: FallbackRepo, content: string, expectedSession: string | null): Promise<FallbackReading> {
  const parsed = parseEnvelope(content);
  if ('refusal' in parsed) return parsed.refusal;
  const { envelope } = parsed;
  const attempt = attemptOf(repo, envelope, expectedSession);
  if ('ok' in attempt) return attempt;
  const plain = await openFallback(envelope, attempt.key!, envelope);
  if (plain === null) {
    const other = await openedByAnother(repo, envelope, attempt);
    return other !== null ? refused('other-attempt', envelope, other) : refused('altered', envelope);
  }
  let content_: unknown;
  try {
    content_ = JSON.parse(plain);
  } catch {
    return refused('forged', envelope);
  }
  if (!Value.Check(FallbackContent, content_)) return refused('forged', envelope);
  return { ok: true, envelope, attempt, content: content_ };
}
