// The grading workspace's calls to the server, in one place (Home Assistant's src/data/<domain>.ts
// pattern): the paths and bodies are here, the element only says what it wants.
import type { AnswerMark, MarkSaveResult, ReadingsView, ScriptMark, WorkspaceView } from '../../server/contract/grading.js';
import { ApiError, type ApiClient } from '../common/api.js';
import type { PendingMark, SendFailure } from './mark-queue.js';

const sessionPath = (sessionId: number) => `/api/grading/sessions/${sessionId}`;

export function loadWorkspace(api: ApiClient, sessionId: number): Promise<WorkspaceView> {
  return api.get<WorkspaceView>(`${sessionPath(sessionId)}/workspace`);
}

/** The other correctors' readings of the scripts where they may be shown; one that fails comes on the next load. */
export async function loadOtherReadings(api: ApiClient, view: WorkspaceView): Promise<Map<number, ReadingsView>> {
  const others = new Map<number, ReadingsView>();
  for (const s of view.scripts.filter((x) => x.othersVisible)) {
    try {
      others.set(s.candidateId, await api.get<ReadingsView>(`${sessionPath(view.session.id)}/scripts/${s.candidateId}/readings`));
    } catch {
      // Shown again on the next load.
    }
  }
  return others;
}

/**
 * Sends one mark for the mark queue. A failure is thrown as an ApiError, whose status, code and
 * message are the SendFailure the queue judges;
 * `onRefused` hears of a refusal for good (not a network failure, not an expired login).
 */
export async function sendMark(api: ApiClient, sessionId: number, mark: PendingMark, onRefused: (message: string) => void): Promise<MarkSaveResult> {
  try {
    if (mark.target.kind === 'answer') {
      return await api.post<MarkSaveResult>(`${sessionPath(sessionId)}/answer-marks`, { candidateId: mark.target.candidateId, questionId: mark.target.questionId, revision: mark.revision, ...(mark.body as AnswerMark) });
    }
    return await api.post<MarkSaveResult>(`${sessionPath(sessionId)}/script-marks`, { candidateId: mark.target.candidateId, revision: mark.revision, ...(mark.body as ScriptMark) });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
    if (!e.transient && e.status !== 401) onRefused(e.message);
    throw e satisfies SendFailure;
  }
}

export function finishScript(api: ApiClient, sessionId: number, candidateId: number): Promise<unknown> {
  return api.post(`${sessionPath(sessionId)}/scripts/${candidateId}/finish`, {});
}

export function reopenScript(api: ApiClient, sessionId: number, candidateId: number): Promise<unknown> {
  return api.post(`${sessionPath(sessionId)}/scripts/${candidateId}/reopen`, {});
}
