import type { Pack, PackProblem, Question, Section } from '../content/pack-types.js';
import { loadPacks } from '../content/load-packs.js';

/** The content packs loaded at start. A pack with problems is listed with them and cannot be used. */
export class PackRegistry {
  private readonly packs: Map<string, Pack>;
  readonly problems: PackProblem[];
  private readonly questionIds = new Map<string, Set<string>>();

  constructor(readonly contentDir: string) {
    const result = loadPacks(contentDir);
    this.packs = result.packs;
    this.problems = result.problems;
    for (const pack of this.packs.values()) {
      this.questionIds.set(pack.id, new Set(pack.sections.flatMap((s) => s.questions.map((q) => q.id))));
    }
  }

  get(packId: string): Pack | undefined {
    return this.packs.get(packId);
  }

  list(): Pack[] {
    return [...this.packs.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  hasQuestion(packId: string, questionId: string): boolean {
    return this.questionIds.get(packId)?.has(questionId) ?? false;
  }

  questions(packId: string): { section: Section; question: Question }[] {
    const pack = this.packs.get(packId);
    return pack ? pack.sections.flatMap((section) => section.questions.map((question) => ({ section, question }))) : [];
  }
}
