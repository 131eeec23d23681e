// From a session loaded for grading to what the item statistics read: the form (the pack's
// sections and key points) and, per settled script, the settling readings and the pair of first and
// second readings. Also every finished reading's judgement per key point, for the long CSV.
import { THIRD_READING } from '../../db/schema/grading.js';
import { formatCode } from '../../contract/rules/code-format.js';
import type { KeyPointJudgement } from '../../contract/rules/rubric-scales.js';
import type { SettledBy } from '../../contract/grading.js';
import type { LoadedReading, LoadedScript, LoadedSession } from '../loaded-session.js';
import { stateOf } from '../script-state.js';
import { KEY_POINT_SCORE, judgementOf, type CandidateEvidence, type Form, type ReadingJudgements } from './evidence.js';

/** The readings whose decisions stand, as the results take them (server/grading/results.ts). */
function settlingNumbers(settledBy: SettledBy | null): number[] {
  if (settledBy === 'single') return [1];
  if (settledBy === 'agreement') return [1, 2];
  if (settledBy === 'third-reading') return [THIRD_READING];
  return [];
}

export function formOf(loaded: LoadedSession): Form {
  return {
    packDigest: loaded.session.packDigest,
    sections: loaded.pack.sections.map((s) => {
      const reading = loaded.model.questions.find((g) => g.sectionId === s.id)?.reading ?? null;
      return {
        id: s.id,
        title: s.title,
        cutShare: reading ? reading.threshold.minKeyPointShare : null,
        questions: s.questions.map((q) => ({ id: q.id, keyPoints: q.keyPoints.map((k) => ({ id: k.id, text: k.text })) })),
      };
    }),
  };
}

const judgementsOf = (r: LoadedReading): ReadingJudgements => r.answers;

const finished = (script: LoadedScript, reading: number) => script.readings.find((r) => r.reading === reading && r.finishedAt !== null);

/** The settled scripts' evidence; a script still being read is left out. */
export function candidatesOf(loaded: LoadedSession): CandidateEvidence[] {
  const out: CandidateEvidence[] = [];
  for (const script of loaded.scripts) {
    const state = stateOf(loaded, script);
    if (state.status !== 'settled') continue;
    const settling = settlingNumbers(state.settledBy).flatMap((n) => script.readings.filter((r) => r.reading === n)).map(judgementsOf);
    const first = finished(script, 1);
    const second = finished(script, 2);
    out.push({
      sessionId: loaded.session.id,
      candidateCode: formatCode(script.candidate.code),
      answered: script.answered,
      settling,
      pair: first && second ? [judgementsOf(first), judgementsOf(second)] : null,
    });
  }
  return out;
}

/** One row of the long CSV: one finished reading of one key point of one candidate. */
export interface LongRow {
  sessionId: number;
  candidateCode: string;
  packDigest: string;
  sectionId: string;
  questionId: string;
  keyPointId: string;
  keyPointText: string;
  reading: number;
  settling: boolean;
  answered: boolean;
  /** Null for an empty answer: nobody judged it (it scores 0). */
  judgement: KeyPointJudgement | null;
  score: number;
}

export function longRowsOf(loaded: LoadedSession): LongRow[] {
  const rows: LongRow[] = [];
  for (const script of loaded.scripts) {
    const settling = new Set(settlingNumbers(stateOf(loaded, script).settledBy));
    for (const r of script.readings) {
      if (r.finishedAt === null) continue;
      for (const g of loaded.model.questions) {
        const answered = script.answered.has(g.question.id);
        for (const kp of g.question.keyPoints) {
          const judgement = answered ? judgementOf(r.answers, g.question.id, kp.id) : null;
          rows.push({
            sessionId: loaded.session.id,
            candidateCode: formatCode(script.candidate.code),
            packDigest: loaded.session.packDigest,
            sectionId: g.sectionId,
            questionId: g.question.id,
            keyPointId: kp.id,
            keyPointText: kp.text,
            reading: r.reading,
            settling: settling.has(r.reading),
            answered,
            judgement,
            score: judgement === null ? 0 : KEY_POINT_SCORE[judgement],
          });
        }
      }
    }
  }
  return rows;
}
