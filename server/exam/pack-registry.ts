import type { Pack, PackProblem, Question, Section } from '../content/pack-types.js';
import { loadPacks } from '../content/load-packs.js';
import { userError } from '../errors.js';

/** The content packs loaded at start. A pack with problems is listed with them and cannot be used. */
export class PackRegistry {
  private readonly packs: Map<string, Pack>;
  readonly problems: PackProblem[];
  private readonly questionIds = new Map<string, Set<string>>();

  constructor(readonly contentDir: string) {
    const result = loadPacks(contentDir);
    // A further parallel form is a pack of its own key (`pack~form`) for every lookup by a session's packId.
    this.packs = new Map([...result.packs, ...(result.forms ?? [])]);
    this.problems = result.problems;
    for (const pack of this.packs.values()) {
      this.questionIds.set(pack.id, new Set(pack.sections.flatMap((s) => s.questions.map((q) => q.id))));
    }
  }

  get(packId: string): Pack | undefined {
    return this.packs.get(packId);
  }

  /** The pack a new session is opened on: refused, with the reason, when it has errors or does not exist. */
  requireUsable(packId: string): Pack {
    const pack = this.packs.get(packId);
    if (pack) return pack;
    const broken = this.problems.filter((p) => p.file.startsWith(`${packId}/`));
    throw broken.length
      ? userError(400, 'invalid-pack', `The pack "${packId}" has errors and cannot be used: ${broken.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`)
      : userError(404, 'unknown-pack', `There is no content pack "${packId}". Available: ${this.list().map((p) => p.id).join(', ') || 'none'}.`);
  }

  /** The packs, each once: a pack with parallel forms is listed as its first form, `forms` naming the others. */
  list(): Pack[] {
    return [...this.packs.values()].filter((p) => !p.form || p.form.key === p.form.packId).sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * The form a new session runs: the pack's first form when none is named; refused when the pack
   * has no such form (or no forms at all and one is named).
   */
  requireForm(packId: string, formId: string | undefined): Pack {
    const pack = this.requireUsable(packId);
    if (formId === undefined) return pack;
    const form = pack.forms?.find((f) => f.id === formId);
    if (!form) {
      const known = pack.forms?.map((f) => f.id).join(', ');
      throw userError(400, 'unknown-form', `The pack "${packId}" has no form "${formId}"${known ? `; its forms are ${known}` : ': it has a single form'}.`, { packId, formId, forms: known ?? '' });
    }
    return this.packs.get(form.key)!;
  }

  hasQuestion(packId: string, questionId: string): boolean {
    return this.questionIds.get(packId)?.has(questionId) ?? false;
  }

  questions(packId: string): { section: Section; question: Question }[] {
    const pack = this.packs.get(packId);
    return pack ? pack.sections.flatMap((section) => section.questions.map((question) => ({ section, question }))) : [];
  }
}
