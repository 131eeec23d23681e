// Timing figures per question from the saves a session recorded (issue 16, item 4;
// docs/timing-data.md). Pure: the saves, the final word counts and the questions come in, the
// figures go out, so every rule can be checked against values worked out by hand.
//
// Times are counted from the session's start on the server's clock. A save reaches the server a
// moment after the keystroke that caused it (the kiosk sends while the candidate types), so
// "first keystroke" is the first save, late by at most the kiosk's send delay.

export interface TimedSave {
  candidateId: number;
  questionId: string;
  words: number;
  savedAt: number;
}

export interface TimedQuestion {
  questionId: string;
  targetWords: number;
}

export interface TimingInput {
  /** When each candidate's session started: sessions of one pack digest are pooled candidate by candidate. */
  startedAt: Map<number, number>;
  /** The candidates who came (absent ones are left out), by id. */
  candidateIds: number[];
  /** In the pack's order: the last one is "the last question". */
  questions: TimedQuestion[];
  saves: TimedSave[];
  /** The stored (final) word count of each answer, by candidate then question. */
  finalWords: Map<number, Map<string, number>>;
}

export interface QuestionTiming {
  questionId: string;
  targetWords: number;
  /** Candidates who came. */
  candidates: number;
  /** Share of them who wrote something in this question. */
  reachedShare: number | null;
  /** Median, over those who wrote, of the time from the start to their first save of it. */
  medianFirstSaveMs: number | null;
  /** Median, over those who wrote, of the time attributed to it (see attributeTime). */
  medianTimeSpentMs: number | null;
  /** Median final words / target, over the candidates who came (an empty answer counts 0). */
  medianWordsToTarget: number | null;
  /** Share of candidates who came whose final answer reaches the target. */
  reachedTargetShare: number | null;
  /** Median, over those who wrote, of the time from the start to the last save that added words. */
  medianLastGrowthMs: number | null;
}

export interface TimingFigures {
  candidates: number;
  /** Share of candidates who came with something written in the last question. */
  reachedLastShare: number | null;
  /** Median over candidates of the last save that added words to any answer. */
  medianLastGrowthMs: number | null;
  questions: QuestionTiming[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const startOf = (input: TimingInput, candidateId: number): number => input.startedAt.get(candidateId) ?? 0;

const share = (count: number, of: number): number | null => (of === 0 ? null : count / of);

/**
 * Time spent per question for one candidate: the saves in time order; the gap between two
 * consecutive saves goes to the question of the later one (the candidate was typing that answer,
 * or reading before turning to it). The time before the first save is reading, given to no question.
 */
export function attributeTime(saves: readonly TimedSave[]): Map<string, number> {
  const ordered = [...saves].sort((a, b) => a.savedAt - b.savedAt);
  const spent = new Map<string, number>();
  for (let i = 1; i < ordered.length; i++) {
    const s = ordered[i]!;
    spent.set(s.questionId, (spent.get(s.questionId) ?? 0) + (s.savedAt - ordered[i - 1]!.savedAt));
  }
  return spent;
}

/** The time of the last save of these (one question's, in time order) that added words; null if none did. */
export function lastGrowth(saves: readonly TimedSave[]): number | null {
  let words = 0;
  let at: number | null = null;
  for (const s of [...saves].sort((a, b) => a.savedAt - b.savedAt)) {
    if (s.words > words) at = s.savedAt;
    words = s.words;
  }
  return at;
}

export function timingFigures(input: TimingInput): TimingFigures {
  const came = new Set(input.candidateIds);
  const byCandidate = new Map<number, TimedSave[]>();
  for (const s of input.saves) if (came.has(s.candidateId)) byCandidate.set(s.candidateId, [...(byCandidate.get(s.candidateId) ?? []), s]);
  const spent = new Map([...byCandidate].map(([id, saves]) => [id, attributeTime(saves)] as const));
  const n = input.candidateIds.length;
  const questions = input.questions.map((q) => questionTiming(input, q, byCandidate, spent));
  const lastGrowths = [...byCandidate.values()].flatMap((saves) => {
    const perQuestion = input.questions.map((q) => lastGrowth(saves.filter((s) => s.questionId === q.questionId))).filter((t) => t !== null);
    return perQuestion.length ? [Math.max(...perQuestion) - startOf(input, saves[0]!.candidateId)] : [];
  });
  const last = questions.at(-1);
  return { candidates: n, reachedLastShare: last ? last.reachedShare : null, medianLastGrowthMs: median(lastGrowths), questions };
}

function questionTiming(input: TimingInput, q: TimedQuestion, byCandidate: Map<number, TimedSave[]>, spent: Map<number, Map<string, number>>): QuestionTiming {
  const firstSaves: number[] = [];
  const timeSpent: number[] = [];
  const growths: number[] = [];
  for (const [id, saves] of byCandidate) {
    const own = saves.filter((s) => s.questionId === q.questionId);
    if (own.length === 0) continue;
    const start = startOf(input, id);
    firstSaves.push(Math.min(...own.map((s) => s.savedAt)) - start);
    timeSpent.push(spent.get(id)?.get(q.questionId) ?? 0);
    const grew = lastGrowth(own);
    if (grew !== null) growths.push(grew - start);
  }
  const finals = input.candidateIds.map((id) => input.finalWords.get(id)?.get(q.questionId) ?? 0);
  const n = input.candidateIds.length;
  return {
    questionId: q.questionId,
    targetWords: q.targetWords,
    candidates: n,
    reachedShare: share(finals.filter((w) => w > 0).length, n),
    medianFirstSaveMs: median(firstSaves),
    medianTimeSpentMs: median(timeSpent),
    medianWordsToTarget: median(finals.map((w) => w / q.targetWords)),
    reachedTargetShare: share(finals.filter((w) => w >= q.targetWords).length, n),
    medianLastGrowthMs: median(growths),
  };
}
