// The one place that tells the room about an exam change, once it has committed: the kiosks
// concerned get their new clock, lock, receipt or message; the dashboards hear it through the
// hub (DashboardBroadcaster rebuilds the tiles and shows the audit rows written with the change
// in its feed). The audit row itself is written inside the change's transaction (ExamStore.write),
// so no change is committed without its record; nothing here runs before that commit.
//
// It lives in live/ rather than exam/ because it speaks to the hub: exam/ knows nothing of sockets.
import type { ExamService } from '../exam/exam-service.js';
import type { LiveHub } from './live-hub.js';
import type { PaperKey, ProctorMessageView, Receipt, SaveRefusalReason } from '../contract/kiosk-protocol.js';

/** A change to the whole room. */
export type RoomChange = 'started' | 'paused' | 'resumed' | 'ended';

/** A change to one candidate, as the dashboards name it. */
export type CandidateChange = 'paused' | 'resumed' | 'extra-time' | 'moved' | 'locked' | 'unlocked' | 'marked-absent' | 'marked-present';

/** Changes that move a candidate's deadline: their kiosk gets the new clock at once. */
const clockChanges = new Set<CandidateChange>(['paused', 'resumed', 'extra-time']);

export class ExamEvents {
  constructor(
    private readonly exam: ExamService,
    private readonly hub: LiveHub,
    /** The key of the session's sealed paper, given once at its start (exam/sealed-paper.ts). */
    private readonly paperKeyAtStart: (sessionId: number) => PaperKey | null = () => null,
  ) {}

  /**
   * After a start, pause, resume or end of the room: every kiosk gets what changed and its new
   * clock at once (in the start's own frame at a start), then the dashboards rebuild the room. At the end, those still writing were
   * submitted with it: each gets its receipt.
   */
  room(sessionId: number, change: RoomChange, submitted: readonly { candidateId: number; receipt: Receipt }[] = [], now = Date.now()): void {
    for (const done of submitted) this.hub.sendToCandidate(done.candidateId, { type: 'submitted', receipt: done.receipt });
    const session = this.exam.session(sessionId);
    if (!session) return;
    const candidates = this.exam.candidates(sessionId);
    if (change === 'started') {
      // One frame per kiosk, the key and the clock together: a room of 1,000 starts at once.
      const paperKey = this.paperKeyAtStart(sessionId);
      for (const c of candidates) {
        const clock = this.exam.clockView(session, c.id, now);
        this.hub.sendToCandidate(c.id, paperKey ? { type: 'session-started', paperKey, clock } : { type: 'session-started', clock });
      }
    } else {
      for (const c of candidates) this.hub.sendToCandidate(c.id, { type: 'clock', clock: this.exam.clockView(session, c.id, now) });
    }
    this.hub.events.emit('changed', sessionId, null, 'clock');
  }

  /** A candidate submitted (or the server did at their deadline): their receipt, their tile. */
  submitted(sessionId: number, candidateId: number, receipt: Receipt): void {
    this.hub.sendToCandidate(candidateId, { type: 'submitted', receipt });
    this.hub.events.emit('changed', sessionId, candidateId, 'submitted');
  }

  /** A proctor's control on one candidate: their kiosk's clock or lock screen, their tile. */
  candidate(sessionId: number, candidateId: number, change: CandidateChange): void {
    if (change === 'locked' || change === 'unlocked') this.hub.sendToCandidate(candidateId, { type: 'locked', locked: change === 'locked' });
    if (clockChanges.has(change)) {
      const session = this.exam.session(sessionId)!;
      this.hub.sendToCandidate(candidateId, { type: 'clock', clock: this.exam.clockView(session, candidateId) });
    }
    this.hub.events.emit('changed', sessionId, candidateId, change);
  }

  /** A proctor's message, shown on each recipient's kiosk until acknowledged. */
  message(sessionId: number, message: ProctorMessageView, recipients: readonly number[]): void {
    for (const id of recipients) this.hub.sendToCandidate(id, { type: 'message', message });
    this.hub.events.emit('message', sessionId, message.id);
  }

  incident(sessionId: number, incidentId: number): void {
    this.hub.events.emit('incident', sessionId, incidentId);
  }

  /** A setting of the session (the Safe Exam Browser key) that the dashboards show in the header. */
  settings(sessionId: number, what: string): void {
    this.hub.events.emit('changed', sessionId, null, what);
  }

  /**
   * An answer written (the dashboards update the words per question). Called once per save: one
   * emit, nothing more.
   */
  answerSaved(sessionId: number, candidateId: number, questionId: string, words: number, savedAt: number): void {
    this.hub.events.emit('saved', sessionId, candidateId, questionId, words, savedAt);
  }

  /** A save refused or kept aside as late: the kiosk was told by its own socket. */
  saveRefused(sessionId: number, candidateId: number, questionId: string, reason: SaveRefusalReason): void {
    this.hub.events.emit('refused', sessionId, candidateId, questionId, reason);
  }
}
