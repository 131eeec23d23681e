// The exam's data: its repositories, the transaction every change runs in, and the saves'
// contexts kept between changes. The small services (sessions, clocks, submission, candidate
// controls) share one store, so a change made by any of them is seen by the very next save.
import type { LecternDb } from '../db/open-database.js';
import { transaction } from '../db/connection.js';
import type { AuditLog } from '../audit/audit-log.js';
import { AnswersRepo } from './answers.repo.js';
import { CandidatesRepo } from './candidates.repo.js';
import { ClockRepo } from './clock.repo.js';
import { FormsRepo } from './forms.repo.js';
import { SessionsRepo } from './sessions.repo.js';
import type { CandidateTiming } from './timing.js';
import type { ExamSessionState } from '../db/schema/exam-sessions.js';

/** What the autosave checks before writing: see ExamStore.saveContext. */
export interface SaveContext {
  state: ExamSessionState;
  packId: string;
  lockedAt: number | null;
  submittedAt: number | null;
  timing: CandidateTiming;
}

export class ExamStore {
  readonly sessions: SessionsRepo;
  readonly candidates: CandidatesRepo;
  readonly answers: AnswersRepo;
  readonly clock: ClockRepo;
  readonly forms: FormsRepo;
  /** The saves' contexts by candidate, until the next change (see `write`). */
  private readonly saveContexts = new Map<number, { sessionId: number; context: SaveContext }>();

  constructor(
    private readonly db: LecternDb,
    readonly audit: AuditLog,
  ) {
    this.sessions = new SessionsRepo(db);
    this.candidates = new CandidatesRepo(db);
    this.answers = new AnswersRepo(db);
    this.clock = new ClockRepo(db);
    this.forms = new FormsRepo(db);
  }

  /**
   * A transaction that changes sessions or candidates, with its audit row written inside it (a
   * change is never committed without its record, nor a record without its change). Afterwards
   * (committed or not) the saves' contexts are read afresh: changes are rare (a start, a pause,
   * a lock, a submission), saves are thousands a second. The callback must be synchronous.
   */
  write<T>(fn: () => T): () => T {
    const change = transaction(this.db, fn);
    return () => {
      try {
        return change();
      } finally {
        this.saveContexts.clear();
      }
    };
  }

  /**
   * `write` for a change that no save's context reads (a candidate's acknowledgement of the
   * monitoring notice, a new session): the contexts are kept. When a room logs in while others
   * write, each notice acknowledged made every writing candidate's next save read its context
   * again (1,000 acknowledgements x 1,000 writers in the exam-start storm).
   */
  writeKeepingSaveContexts<T>(fn: () => T): () => T {
    return transaction(this.db, fn);
  }

  /**
   * What a save must check (question's pack, state, lock, submission, timing): the autosave hot
   * path, run for every save. Read in one statement (plus the pauses when there are any) and
   * kept until the next change: every change to a session or a candidate goes through `write`
   * above, which forgets them all, so a lock, a pause or an extension holds for the next save.
   */
  saveContext(sessionId: number, candidateId: number): SaveContext | undefined {
    const cached = this.saveContexts.get(candidateId);
    if (cached && cached.sessionId === sessionId) return cached.context;
    const context = this.readSaveContext(sessionId, candidateId);
    if (context) this.saveContexts.set(candidateId, { sessionId, context });
    return context;
  }

  /**
   * For a change written to the file without this store (a test moving a session back in time,
   * an administrator's repair with the sqlite3 shell): the next saves read their context afresh.
   */
  forgetSaveContexts(): void {
    this.saveContexts.clear();
  }

  private readSaveContext(sessionId: number, candidateId: number): SaveContext | undefined {
    const row = this.clock.saveContext(sessionId, candidateId);
    if (!row) return undefined;
    return {
      state: row.state,
      packId: row.packId,
      lockedAt: row.lockedAt,
      submittedAt: row.submittedAt,
      timing: {
        startedAt: row.startedAt,
        durationMs: row.durationMs,
        pauses: row.hasPauses ? this.clock.pausesFor(sessionId, candidateId) : [],
        extraMs: row.extraMs,
      },
    };
  }
}
