// The server's heartbeat, and the interruptions it reveals (issue 13, item 4). While it runs, the
// server writes its last heartbeat every few seconds; a clean stop writes when it stopped. A start
// that finds the previous run without a stop knows the server crashed (or lost power) between
// that run's last heartbeat and now: every session that was running records the interruption,
// with the candidates who were writing, whose clocks ran on meanwhile. The report lists it as an
// incident with its effect on each candidate's time, and the candidate panel offers it as
// incident time (lost-time.ts).
import type { FastifyBaseLogger } from 'fastify';
import type { ExamService } from '../exam/exam-service.js';
import type { SupervisionLog } from '../live/supervision-log.js';
import type { LecternDb } from '../db/open-database.js';
import { ServerRunsRepo } from './server-runs.repo.js';

/** How often the heartbeat is written: an interruption is dated to within this. */
export const BEAT_MS = 5000;
export const INTERRUPTION_KIND = 'server-interrupted';

export interface InterruptionDetail {
  from: number;
  to: number;
  /** The session was paused: the clocks were frozen, no candidate lost time. */
  paused: boolean;
  candidateIds: number[];
}

export class ServerInterruptions {
  private readonly repo: ServerRunsRepo;
  private runId: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    db: LecternDb,
    private readonly exam: ExamService,
    private readonly supervision: SupervisionLog,
    private readonly log: FastifyBaseLogger,
  ) {
    this.repo = new ServerRunsRepo(db);
  }

  /** Records the interruption the previous run left, if any, then starts this run's heartbeat. */
  start(now = Date.now()): void {
    const previous = this.repo.lastRun();
    if (previous && previous.stoppedAt === null) this.recordInterruption(previous.lastBeatAt, now);
    // Written before this run's row: a crash in between records the interruption again, never loses it.
    this.supervision.flush();
    this.runId = this.repo.startRun(now);
    this.timer = setInterval(() => this.beat(), BEAT_MS);
    this.timer.unref();
  }

  private beat(): void {
    try {
      if (this.runId !== null) this.repo.beat(this.runId, Date.now());
    } catch (err) {
      this.log.error({ err }, 'server heartbeat failed');
    }
  }

  stop(now = Date.now()): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.runId !== null) this.repo.stop(this.runId, now);
    this.runId = null;
  }

  private recordInterruption(from: number, to: number): void {
    for (const s of this.repo.openSessions()) {
      const detail: InterruptionDetail = { from, to, paused: s.state === 'paused', candidateIds: [...this.exam.writingCandidates(s.id)] };
      this.supervision.record(s.id, null, INTERRUPTION_KIND, { ...detail }, to);
      this.log.warn({ sessionId: s.id, from, to }, 'the server was interrupted during a session: recorded as an incident');
    }
  }
}
