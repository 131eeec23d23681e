// Timing figures of every started session, grouped by the pack digest it ran (as the item
// statistics are), each session alone and the digest's sessions pooled. Reads only.
import type { LecternDb } from '../../db/open-database.js';
import type { PackRegistry } from '../../exam/pack-registry.js';
import type { Pack } from '../../content/pack-types.js';
import type { PackTiming, TimingView } from '../../contract/timing.js';
import type { ExamLookup, ExamSessionRow } from '../exam-lookup.js';
import { timingFigures, type TimingInput } from './timing-figures.js';
import { TimingRepo } from './timing.repo.js';

export class TimingStatistics {
  private readonly repo: TimingRepo;

  constructor(
    db: LecternDb,
    private readonly packs: PackRegistry,
    private readonly exam: ExamLookup,
  ) {
    this.repo = new TimingRepo(db);
  }

  view(): TimingView {
    const groups = new Map<string, { pack: Pack; sessions: ExamSessionRow[] }>();
    for (const s of this.exam.sessions()) {
      const pack = this.packs.get(s.packId);
      // Not started, or its pack changed since: the questions may not be the ones it ran.
      if (s.startedAt === null || !pack || pack.digest !== s.packDigest) continue;
      const group = groups.get(s.packDigest) ?? { pack, sessions: [] };
      group.sessions.push(s);
      groups.set(s.packDigest, group);
    }
    return { packs: [...groups.values()].map(({ pack, sessions }) => this.packTiming(pack, sessions)) };
  }

  private packTiming(pack: Pack, sessions: ExamSessionRow[]): PackTiming {
    const inputs = sessions.map((s) => this.input(pack, s));
    const pooled: TimingInput = {
      startedAt: new Map(inputs.flatMap((i) => [...i.startedAt])),
      candidateIds: inputs.flatMap((i) => i.candidateIds),
      questions: inputs[0]!.questions,
      saves: inputs.flatMap((i) => i.saves),
      finalWords: new Map(inputs.flatMap((i) => [...i.finalWords])),
    };
    return {
      packDigest: pack.digest,
      packTitle: pack.title,
      formId: pack.form?.id ?? null,
      durationMs: pack.durationMinutes * 60_000,
      pooled: timingFigures(pooled),
      sessions: sessions.map((s, i) => ({ sessionId: s.id, code: s.code, pilot: s.pilot, figures: timingFigures(inputs[i]!) })),
    };
  }

  private input(pack: Pack, s: ExamSessionRow): TimingInput {
    const came = this.exam.candidates(s.id).filter((c) => c.absentAt === null);
    const finalWords = new Map<number, Map<string, number>>();
    for (const a of this.repo.finalWords(s.id)) {
      const own = finalWords.get(a.candidateId) ?? new Map<string, number>();
      own.set(a.questionId, a.words);
      finalWords.set(a.candidateId, own);
    }
    return {
      startedAt: new Map(came.map((c) => [c.id, s.startedAt ?? 0])),
      candidateIds: came.map((c) => c.id),
      questions: pack.sections.flatMap((sec) => sec.questions.map((q) => ({ questionId: q.id, targetWords: q.targetWords }))),
      saves: this.repo.saves(s.id),
      finalWords,
    };
  }
}
