// Closing grading once every script is settled, and the jury export that closing unlocks: the
// only place where names are joined to candidate codes, each export audited.
import { transaction } from '../db/connection.js';
import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import { formatCode } from '../contract/rules/code-format.js';
import { userError } from '../errors.js';
import type { GradingSessionsRepository } from './grading-sessions.repo.js';
import type { SessionLoader } from './loaded-session.js';
import type { GradingResults } from './results.js';
import { requireOpen } from './grading-access.js';
import { stateOf } from './script-state.js';
import type { ExamLookup } from './exam-lookup.js';
import { actorFields, type GradingActor } from './grading-actor.js';
import type { ResultsView } from '../contract/grading.js';

export type JuryFormat = 'json' | 'csv' | 'html';

export class GradingClosing {
  constructor(
    private readonly db: LecternDb,
    private readonly audit: AuditLog,
    private readonly exam: ExamLookup,
    private readonly loader: SessionLoader,
    private readonly results: GradingResults,
    private readonly sessions: GradingSessionsRepository,
  ) {}

  /** Closes grading; returns when. Refused while the session runs or a script is not settled. */
  close(sessionId: number, actor: GradingActor, now = Date.now()): number {
    const session = this.exam.requireSession(sessionId);
    requireOpen(session);
    if (session.state !== 'ended') throw userError(409, 'session-not-ended', 'The session has not ended: there is nothing to close yet.');
    const loaded = this.loader.load(sessionId);
    const open = loaded.scripts.filter((s) => stateOf(loaded, s).status !== 'settled').map((s) => formatCode(s.candidate.code));
    if (open.length > 0) {
      throw userError(409, 'grading-unfinished', `${open.length} script(s) are not settled yet: ${open.join(', ')}.`, { scripts: open });
    }
    transaction(this.db, () => {
      this.sessions.setGradingClosed(sessionId, now);
      this.audit.append({ ...actorFields(actor), sessionId, action: 'grading.closed', detail: { scripts: loaded.scripts.length } }, now);
    })();
    return now;
  }

  /** The results with names, for the jury: only once grading is closed; each export is audited. */
  juryResults(sessionId: number, accountId: number, format: JuryFormat): ResultsView {
    const session = this.exam.requireSession(sessionId);
    if (session.gradingClosedAt === null) {
      throw userError(409, 'grading-not-closed', 'Names are joined to the results only once grading is closed: close grading first.');
    }
    if (session.pilot) {
      throw userError(409, 'pilot-session', 'This session is a pilot: its results try the questions out and never go to the jury (the item statistics use them).');
    }
    const results = this.results.results(session.id, { named: true });
    this.audit.append({ actorKind: 'account', actorId: accountId, sessionId: session.id, action: 'grading.jury-exported', detail: { format } });
    return results;
  }

  /** The jury export's file name, after the session code. */
  juryFileName(sessionId: number, ext: JuryFormat): string {
    return `jury-${this.exam.requireSession(sessionId).code.toLowerCase()}.${ext}`;
  }
}
