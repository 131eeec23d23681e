// "May this candidate act now?": the one place that says when a candidate's save, their
// submission, or a proctor's control on them is refused. The answer writer's SQL guard (no
// answer written once the candidate has submitted, answer-writer.ts) stays as the durable check:
// a submission that commits between this check and the save's transaction still wins there.
import type { ExamSessionState } from '../db/schema/exam-sessions.js';
import { classifySave, type CandidateTiming } from './timing.js';

/** Why not now, in the order the checks are made. */
export type NotNow = 'not-started' | 'locked' | 'absent' | 'submitted' | 'ended' | 'late';

/**
 * - `save`: an answer from the kiosk. A pause does not stop it: the clock is frozen, and the
 *   keystrokes typed before the pause screen came up must be kept.
 * - `submit`: the candidate hands in. Past the deadline it is still taken (the server would
 *   submit the same answers at its next sweep); a second submission gets the first receipt.
 * - `be-controlled`: a proctor's pause, extra time or move, which make sense only for someone
 *   still writing (the session's own state is each control's to check, with its own words).
 */
export type CandidateAct = 'save' | 'submit' | 'be-controlled';

export interface CandidateNow {
  state: ExamSessionState;
  lockedAt: number | null;
  submittedAt: number | null;
  absentAt?: number | null;
  timing?: CandidateTiming;
}

/** null when the candidate may act now; otherwise the first reason they may not. */
export function whyNotNow(act: CandidateAct, c: CandidateNow, now: number): NotNow | null {
  switch (act) {
    case 'save':
      if (c.state === 'waiting') return 'not-started';
      if (c.lockedAt !== null) return 'locked';
      // After submitting, after the end or past the grace: the text is kept aside, flagged.
      if (c.submittedAt !== null) return 'submitted';
      if (c.state === 'ended') return 'ended';
      if (c.timing && classifySave(c.timing, now) === 'late') return 'late';
      return null;
    case 'submit':
      if (c.state === 'waiting') return 'not-started';
      if (c.lockedAt !== null) return 'locked';
      return null;
    case 'be-controlled':
      if (c.absentAt != null) return 'absent';
      if (c.submittedAt !== null) return 'submitted';
      return null;
  }
}
