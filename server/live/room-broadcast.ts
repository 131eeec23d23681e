import type { ExamService } from '../exam/exam-service.js';
import type { LiveHub } from './live-hub.js';

/** After a start, pause, resume, extension or end: every kiosk of the room gets its new clock at once. */
export function broadcastClocks(exam: ExamService, hub: LiveHub, sessionId: number, now = Date.now()): void {
  const session = exam.session(sessionId);
  if (!session) return;
  for (const c of exam.candidates(sessionId)) {
    hub.sendToCandidate(c.id, { type: 'clock', clock: exam.clockView(session, c.id, now) });
  }
  hub.events.emit('changed', sessionId, null, 'clock');
}
