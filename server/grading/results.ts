// Results per candidate: the decision on each criterion from the readings that settled the
// script, with the evidence, and the agreement figures. Names only in the jury export.
import { formatCode } from '../contract/rules/code-format.js';
import { THIRD_READING } from '../db/schema/grading.js';
import type { Decision } from './decisions.js';
import type { GradingModel } from './rubric-model.js';
import type { ScriptsRepository } from './scripts.repo.js';
import type { LoadedScript, LoadedSession, SessionLoader } from './loaded-session.js';
import { agreementRows } from './session-agreement.js';
import { readingView, stateOf } from './script-state.js';
import type { CandidateRow } from './exam-lookup.js';
import type { CandidateResult, CriterionHead, FinalDecision, ResultsView, SettledBy } from '../contract/grading.js';

/** The criteria of the pack, in the order of the results' columns. */
function criteriaOf(model: GradingModel): CriterionHead[] {
  return [
    ...model.reading.map((r) => ({ key: r.id, kind: 'reading' as const, rubricId: r.id, title: r.title })),
    ...model.writing.map((r) => ({ key: r.id, kind: 'writing' as const, rubricId: r.id, title: r.title, criteria: r.criteria.map((c) => ({ id: c.id, title: c.title })) })),
    ...model.competence.flatMap((r) => r.criteria.map((c) => ({ key: `${r.id}/${c.id}`, kind: 'competence' as const, rubricId: r.id, title: c.title, rubricTitle: r.title }))),
  ];
}

/** The readings whose decisions stand: the single one, the two that agree, or the third. */
function settlingReadings(settledBy: SettledBy | null): number[] {
  if (settledBy === 'single') return [1];
  if (settledBy === 'agreement') return [1, 2];
  if (settledBy === 'third-reading') return [THIRD_READING];
  return [];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** One criterion's decision from the settling readings, with their evidence averaged. */
function finalDecision(head: CriterionHead, from: Decision[], readings: number[]): FinalDecision {
  const base: FinalDecision = { key: head.key, kind: head.kind, rubricId: head.rubricId, title: head.title, reached: from.length ? from[0]!.reached : null, fromReadings: readings };
  if (from.length === 0) return base;
  const first = from[0]!.evidence;
  if (first.kind === 'reading') {
    const ev = from.map((d) => d.evidence).filter((e) => e.kind === 'reading');
    return { ...base, keyPointShare: mean(ev.map((e) => e.share)), misunderstandings: mean(ev.map((e) => e.misunderstandings)) };
  }
  if (first.kind === 'writing') {
    const ev = from.map((d) => d.evidence).filter((e) => e.kind === 'writing');
    return { ...base, bands: Object.fromEntries(Object.keys(first.bands).map((c) => [c, mean(ev.map((e) => e.bands[c] ?? 0))])) };
  }
  const linked = from.map((d) => d.evidence).flatMap((e) => (e.kind === 'competence' && e.linkedKeyPoints ? [e.linkedKeyPoints.share] : []));
  return { ...base, judgement: first.judgement, ...(linked.length ? { linkedKeyPointShare: mean(linked) } : {}) };
}

type Names = Map<number, string> | null;

function scriptResult(loaded: LoadedSession, script: LoadedScript, criteria: CriterionHead[], names: Names): CandidateResult {
  const state = stateOf(loaded, script);
  const settling = settlingReadings(state.settledBy);
  return {
    candidateId: script.candidate.id,
    code: formatCode(script.candidate.code),
    ...(names ? { fullName: names.get(script.candidate.id) ?? null } : {}),
    absent: false,
    status: state.status,
    settledBy: state.settledBy,
    decisions: criteria.map((head) => finalDecision(head, settling.map((n) => state.decisions.get(n)!.find((d) => d.key === head.key)!), settling)),
    readings: script.readings.filter((r) => r.finishedAt !== null).map((r) => readingView(loaded, script, r)),
    disagreements: state.disagreements,
  };
}

function absentResult(candidate: CandidateRow, criteria: CriterionHead[], names: Names): CandidateResult {
  return {
    candidateId: candidate.id,
    code: formatCode(candidate.code),
    ...(names ? { fullName: names.get(candidate.id) ?? null } : {}),
    absent: true,
    status: 'absent',
    settledBy: null,
    decisions: criteria.map((head) => ({ key: head.key, kind: head.kind, rubricId: head.rubricId, title: head.title, reached: null, fromReadings: [] })),
    readings: [],
    disagreements: [],
  };
}

export class GradingResults {
  constructor(
    private readonly loader: SessionLoader,
    private readonly scripts: ScriptsRepository,
  ) {}

  /** Results per candidate. Names only with `named`, which the routes allow to admins after closing. */
  results(sessionId: number, options: { named: boolean }, now = Date.now()): ResultsView {
    const loaded = this.loader.load(sessionId);
    const { session, model, pack } = loaded;
    const names = options.named ? new Map(this.scripts.identities(sessionId).map((r) => [r.candidateId, r.fullName])) : null;
    const criteria = criteriaOf(model);
    const candidates = [...loaded.scripts.map((s) => scriptResult(loaded, s, criteria, names)), ...loaded.absent.map((c) => absentResult(c, criteria, names))];
    const cefr = [...model.reading, ...model.writing].flatMap((r) => r.cefr.map((c) => ({ rubricId: r.id, scale: c.scale, level: c.level })));
    return {
      session: {
        id: session.id,
        title: session.title,
        code: formatCode(session.code),
        room: session.room,
        packId: session.packId,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        doubleMarking: session.doubleMarking,
        gradingClosedAt: session.gradingClosedAt,
      },
      pack: { title: pack.title, certification: pack.certification, cefr },
      criteria,
      candidates,
      agreement: agreementRows(loaded),
      named: options.named,
      generatedAt: now,
    };
  }
}
