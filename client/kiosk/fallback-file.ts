// Making the fallback file on the kiosk (issue 10, item 4): the newest text of every answer this
// workstation holds (the server's last view, the kept acknowledged copies and the unacknowledged
// edits), sealed with WebCrypto under the attempt's key (server/contract/rules/fallback-seal.ts),
// and saved through the browser's download so it can go to the workstation's disk or a USB key.
import type { AttemptView } from '../../server/contract/attempt.js';
import type { FallbackAnswer, FallbackIssue } from '../../server/contract/fallback-file.js';
import { FALLBACK_EXTENSION } from '../../server/contract/fallback-names.js';
import { sealFallback } from '../../server/contract/rules/fallback-seal.js';
import type { KeyValueStorage } from '../common/local-store.js';
import { LocalCopies } from './local-copies.js';

/** Per question, the highest revision among every copy the workstation holds. */
export function newestAnswers(attempt: AttemptView, storage: KeyValueStorage | null): FallbackAnswer[] {
  const newest = new Map<string, FallbackAnswer>();
  const consider = (a: FallbackAnswer) => {
    const held = newest.get(a.questionId);
    if (a.revision >= 1 && (!held || a.revision > held.revision)) newest.set(a.questionId, { questionId: a.questionId, text: a.text, revision: a.revision });
  };
  attempt.answers.forEach(consider);
  if (storage) {
    const local = new LocalCopies(storage, { sessionCode: attempt.session.code, candidateCode: attempt.candidate.code });
    local.kept().forEach(consider);
    local.all().forEach(consider);
  }
  return [...newest.values()].sort((a, b) => a.questionId.localeCompare(b.questionId));
}

/** `lectern-secours-<session>-<candidate>-<time>.lectern`, the time in UTC without characters file systems refuse. */
export function fallbackFileName(sessionCode: string, candidateCode: string, at: number): string {
  const time = new Date(at).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `lectern-secours-${sessionCode}-${candidateCode}-${time}${FALLBACK_EXTENSION}`;
}

/** The file's text and name. */
export async function makeFallbackFile(attempt: AttemptView, issue: FallbackIssue, storage: KeyValueStorage | null, now = Date.now()): Promise<{ name: string; text: string }> {
  const envelope = await sealFallback({
    sessionId: attempt.session.code,
    attemptId: issue.attemptId,
    candidate: attempt.candidate.code,
    keyBase64: issue.key,
    content: { answers: newestAnswers(attempt, storage) },
    createdAt: now,
  });
  return { name: fallbackFileName(attempt.session.code, attempt.candidate.code, now), text: JSON.stringify(envelope) };
}

/** Hands the file to the browser's download (the kiosk kit's policy decides the folder, or asks). */
export function downloadFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has taken the data.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
