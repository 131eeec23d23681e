// Item statistics of every pack digest that has graded sessions, pooled across those sessions, and
// the long CSV. Reads through the grading repositories (SessionLoader); writes nothing.
//
// A session whose pack has changed since it ran (the loaded pack's digest is not the session's) is
// left out and counted: its key points may no longer be the ones its correctors judged.
import type { LecternDb } from '../../db/open-database.js';
import type { PackRegistry } from '../../exam/pack-registry.js';
import type { PackStatistics, StatisticsView } from '../../contract/statistics.js';
import { AssignmentsRepository } from '../assignments.repo.js';
import { MarksRepository } from '../marks.repo.js';
import { ScriptsRepository } from '../scripts.repo.js';
import { GradingPacks } from '../grading-packs.js';
import { SessionLoader, type LoadedSession } from '../loaded-session.js';
import type { ExamLookup } from '../exam-lookup.js';
import { formStatistics } from './item-statistics.js';
import { candidatesOf, formOf, longRowsOf, type LongRow } from './session-evidence.js';
import { THRESHOLDS } from './thresholds.js';

export class ItemStatistics {
  private readonly packs: GradingPacks;
  private readonly loader: SessionLoader;

  constructor(db: LecternDb, packs: PackRegistry, private readonly exam: ExamLookup) {
    this.packs = new GradingPacks(packs);
    this.loader = new SessionLoader(exam, this.packs, { assignments: new AssignmentsRepository(db), marks: new MarksRepository(db), scripts: new ScriptsRepository(db) });
  }

  /** The sessions whose pack is loaded at the digest they ran, grouped by that digest. */
  private sessionsByDigest(): { groups: Map<string, LoadedSession[]>; skipped: number } {
    const groups = new Map<string, LoadedSession[]>();
    let skipped = 0;
    for (const s of this.exam.sessions()) {
      if (!this.packs.has(s.packId)) continue;
      const loaded = this.loader.load(s.id);
      if (loaded.pack.digest !== s.packDigest) {
        skipped++;
        continue;
      }
      const group = groups.get(s.packDigest);
      if (group) group.push(loaded);
      else groups.set(s.packDigest, [loaded]);
    }
    return { groups, skipped };
  }

  view(): StatisticsView {
    const { groups, skipped } = this.sessionsByDigest();
    const packs: PackStatistics[] = [];
    for (const [digest, sessions] of groups) {
      const candidates = sessions.flatMap(candidatesOf);
      if (candidates.length === 0) continue;
      packs.push({
        packDigest: digest,
        packTitle: sessions[0]!.pack.title,
        formId: sessions[0]!.pack.form?.id ?? null,
        sessionIds: sessions.map((s) => s.session.id),
        candidates: candidates.length,
        sections: formStatistics(formOf(sessions[0]!), candidates),
      });
    }
    return { thresholds: { ...THRESHOLDS }, skippedSessions: skipped, packs };
  }

  /** Every finished reading of every key point, session by session. */
  longRows(): LongRow[] {
    return [...this.sessionsByDigest().groups.values()].flat().flatMap(longRowsOf);
  }
}
