// The exam paper in GET /api/attempt: the same for every candidate of a pack, and fetched by a
// whole room at once when the proctor starts (1,000 kiosks in the same second). It is built once
// per pack and per state (before the start it has no questions). (Serialising it once too and
// splicing the string into each answer saved 15 µs of a fetch that costs over 200 µs, with no
// difference measurable end to end: test/bench/attempt-fetch.ts.)
import type { Pack } from '../content/pack-types.js';
import type { AttemptView } from '../contract/attempt.js';

export type PaperView = AttemptView['pack'];

/** The paper as the kiosk gets it; questions only once the session has started. */
export function paperView(pack: Pack, started: boolean): PaperView {
  return {
    title: pack.title,
    durationMinutes: pack.durationMinutes,
    questionCount: pack.sections.reduce((n, s) => n + s.questions.length, 0),
    sections: pack.sections.map((s) => ({
      id: s.id,
      title: s.title,
      instructions: s.instructions ?? null,
      answerLanguage: s.answerLanguage,
      hasDocument: Boolean(s.documentHtml),
      questions: started ? s.questions.map((q) => ({ id: q.id, promptHtml: q.promptHtml, targetWords: q.targetWords })) : [],
    })),
  };
}

/**
 * The paper, per pack. Keyed by the pack's id and digest (a SHA-256 of its files): a loaded pack
 * never changes, and a pack loaded again with other content gets another entry.
 */
export class PaperCache {
  private readonly papers = new Map<string, { waiting: PaperView; started: PaperView }>();

  paper(pack: Pack, started: boolean): PaperView {
    const key = `${pack.id}\u0000${pack.digest}`;
    let paper = this.papers.get(key);
    if (!paper) {
      paper = { waiting: paperView(pack, false), started: paperView(pack, true) };
      this.papers.set(key, paper);
    }
    return started ? paper.started : paper.waiting;
  }
}
