// Deadlines, pauses and extensions as a candidate and a proctor see them. The server's clock is
// the only clock: everything here is computed from what the store holds and `now`.
import type { ClockView } from '../contract/kiosk-protocol.js';
import type { ExamStore } from './exam-store.js';
import type { ExamSessionRow } from './sessions.repo.js';
import { deadlineAt, isPaused, timeLeftMs, type CandidateTiming } from './timing.js';

export class ExamClocks {
  constructor(private readonly store: ExamStore) {}

  timing(session: ExamSessionRow, candidateId: number): CandidateTiming {
    return {
      startedAt: session.startedAt,
      durationMs: session.durationMs,
      pauses: this.store.clock.pausesFor(session.id, candidateId),
      extraMs: this.store.clock.extraFor(candidateId),
    };
  }

  clockView(session: ExamSessionRow, candidateId: number, now = Date.now()): ClockView {
    const t = this.timing(session, candidateId);
    // After the end nothing counts down any more: show zero.
    const ended = session.state === 'ended';
    return {
      serverNow: now,
      sessionState: session.state,
      paused: session.state === 'paused' || (session.state === 'running' && isPaused(t.pauses, now)),
      startedAt: t.startedAt,
      deadlineAt: ended ? (session.endedAt ?? now) : deadlineAt(t, now),
      timeLeftMs: ended ? 0 : timeLeftMs(t, now),
      extraMs: t.extraMs,
    };
  }

  /** Whether this candidate alone has an open pause. */
  isPausedAlone(sessionId: number, candidateId: number): boolean {
    return this.store.clock.hasOpenCandidatePause(sessionId, candidateId);
  }

  /** Accommodation plus incident time already given, in milliseconds. */
  extraMs(candidateId: number): number {
    return this.store.clock.extraFor(candidateId);
  }
}
