// A session loaded for grading in one go: its scripts (submitted candidates, by code) with their
// answers, readings and marks, and its absent candidates. Every grading view starts from this.
import type { Pack } from '../content/pack-types.js';
import type { GradingModel } from './rubric-model.js';
import type { AssignmentsRepository, ReadingRow } from './assignments.repo.js';
import type { AnswerMarkRow, MarksRepository, ScriptMarkRow } from './marks.repo.js';
import type { ScriptsRepository } from './scripts.repo.js';
import type { GradingPacks } from './grading-packs.js';
import type { CandidateRow, ExamLookup, ExamSessionRow } from './exam-lookup.js';

export interface LoadedReading extends ReadingRow {
  answers: Map<string, AnswerMarkRow>;
  script: ScriptMarkRow | null;
}

export interface LoadedScript {
  candidate: CandidateRow;
  answers: Map<string, { text: string; words: number }>;
  /** Questions with a non-empty answer: only those are judged. */
  answered: Set<string>;
  readings: LoadedReading[];
}

export interface LoadedSession {
  session: ExamSessionRow;
  pack: Pack;
  model: GradingModel;
  scripts: LoadedScript[];
  absent: CandidateRow[];
}

export interface SessionLoaderRepositories {
  assignments: AssignmentsRepository;
  marks: MarksRepository;
  scripts: ScriptsRepository;
}

export class SessionLoader {
  constructor(
    private readonly exam: ExamLookup,
    private readonly packs: GradingPacks,
    private readonly repos: SessionLoaderRepositories,
  ) {}

  load(sessionId: number): LoadedSession {
    const session = this.exam.requireSession(sessionId);
    const model = this.packs.model(session.packId);
    const scripts = new Map<number, LoadedScript>();
    const absent: CandidateRow[] = [];
    for (const candidate of this.exam.candidates(sessionId)) {
      if (candidate.submittedAt === null) absent.push(candidate);
      else scripts.set(candidate.id, { candidate, answers: new Map(), answered: new Set(), readings: [] });
    }
    this.addAnswers(sessionId, scripts);
    this.addReadings(sessionId, scripts);
    const sorted = [...scripts.values()].sort((a, b) => a.candidate.code.localeCompare(b.candidate.code));
    return { session, pack: model.pack, model, scripts: sorted, absent };
  }

  private addAnswers(sessionId: number, scripts: Map<number, LoadedScript>): void {
    for (const a of this.repos.scripts.answersOfSession(sessionId)) {
      const script = scripts.get(a.candidateId);
      if (!script) continue;
      script.answers.set(a.questionId, { text: a.text, words: a.words });
      if (a.text.trim() !== '') script.answered.add(a.questionId);
    }
  }

  /** Readings in order, each with its corrector's marks (marks of no current reading are left out). */
  private addReadings(sessionId: number, scripts: Map<number, LoadedScript>): void {
    const readingOf = new Map<string, LoadedReading>();
    for (const r of this.repos.assignments.readingsOfSession(sessionId)) {
      const script = scripts.get(r.candidateId);
      if (!script) continue;
      const loaded: LoadedReading = { ...r, answers: new Map(), script: null };
      script.readings.push(loaded);
      readingOf.set(`${r.candidateId}:${r.correctorId}`, loaded);
    }
    for (const { candidateId, questionId, correctorId, ...mark } of this.repos.marks.answerMarksOfSession(sessionId)) {
      readingOf.get(`${candidateId}:${correctorId}`)?.answers.set(questionId, mark);
    }
    for (const { candidateId, correctorId, ...mark } of this.repos.marks.scriptMarksOfSession(sessionId)) {
      const reading = readingOf.get(`${candidateId}:${correctorId}`);
      if (reading) reading.script = mark;
    }
  }
}
