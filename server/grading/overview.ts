// The lists: the sessions to grade with their progress (a corrector's own readings, or every
// reading for an admin), and the admin's overview of one session.
import { formatCode } from '../contract/rules/code-format.js';
import { missingJudgements } from './rubric-model.js';
import type { CorrectorsRepository } from './correctors.repo.js';
import type { LoadedScript, LoadedSession, SessionLoader } from './loaded-session.js';
import type { Distribution } from './distribution.js';
import type { GradingPacks } from './grading-packs.js';
import { agreementRows } from './session-agreement.js';
import { stateOf } from './script-state.js';
import type { ExamLookup } from './exam-lookup.js';
import type { GradingSessionSummary, OverviewView, ScriptStatus } from '../contract/grading.js';

export class GradingOverview {
  constructor(
    private readonly exam: ExamLookup,
    private readonly packs: GradingPacks,
    private readonly loader: SessionLoader,
    private readonly distribution: Distribution,
    private readonly correctors: CorrectorsRepository,
  ) {}

  /** Sessions to grade: a corrector's (shared out on first sight), or every session for an admin. */
  summaries(accountId: number, role: 'admin' | 'corrector'): GradingSessionSummary[] {
    const mine = new Set(this.correctors.sessionsOf(accountId));
    const sessions = this.exam.sessions().filter((s) => (role === 'admin' ? true : mine.has(s.id)));
    return sessions.flatMap((s) => {
      if (!this.packs.has(s.packId)) return [];
      if (role === 'corrector') this.distribution.ensureDistributed(s);
      return [this.summary(this.loader.load(s.id), role === 'admin' ? null : accountId)];
    });
  }

  /** A session's progress: one corrector's readings, or every reading (accountId null). */
  summary(loaded: LoadedSession, accountId: number | null): GradingSessionSummary {
    const s = loaded.session;
    let assigned = 0;
    let finished = 0;
    let settled = 0;
    for (const script of loaded.scripts) {
      for (const r of script.readings) {
        if (accountId !== null && r.correctorId !== accountId) continue;
        assigned++;
        if (r.finishedAt !== null) finished++;
      }
      if (stateOf(loaded, script).status === 'settled') settled++;
    }
    return {
      id: s.id,
      title: s.title,
      packId: s.packId,
      state: s.state,
      endedAt: s.endedAt,
      doubleMarking: s.doubleMarking,
      gradingClosedAt: s.gradingClosedAt,
      scripts: loaded.scripts.length,
      readingsAssigned: assigned,
      readingsFinished: finished,
      settled,
    };
  }

  overview(sessionId: number): OverviewView {
    const loaded = this.loader.load(sessionId);
    const onSession = new Set(this.correctors.ofSession(sessionId));
    const counts: Record<ScriptStatus, number> = { unassigned: 0, 'in-progress': 0, 'needs-third-reading': 0, 'third-reading': 0, settled: 0 };
    const scripts = loaded.scripts.map((script) => {
      const state = stateOf(loaded, script);
      counts[state.status]++;
      return { candidateId: script.candidate.id, code: formatCode(script.candidate.code), status: state.status, readers: readers(loaded, script), disagreements: state.disagreements };
    });
    return {
      session: this.summary(loaded, null),
      correctors: this.correctors.activeAccounts().map((a) => ({ ...a, onSession: onSession.has(a.id) })),
      scripts,
      absent: loaded.absent.map((c) => ({ candidateId: c.id, code: formatCode(c.code) })),
      counts,
      agreement: agreementRows(loaded),
      canDistribute: this.distribution.canDistribute(loaded.session),
    };
  }
}

/** Each reader of a script with how many of the judgements it needs they have made. */
function readers(loaded: LoadedSession, script: LoadedScript) {
  return script.readings.map((r) => {
    const missing = missingJudgements(loaded.model, script.answered, r.answers, r.script).length;
    const needed = missingJudgements(loaded.model, script.answered, new Map(), null).length;
    return { reading: r.reading, correctorId: r.correctorId, corrector: r.corrector, finishedAt: r.finishedAt, judged: needed - missing, needed };
  });
}
