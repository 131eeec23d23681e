// The exam paper in GET /api/attempt: the same for every candidate of a pack, and fetched by a
// whole room at once when the proctor starts (1,000 kiosks in the same second). It is built and
// serialised once per pack and per state (before the start it has no questions), and spliced
// into each candidate's answer as a JSON string.
import type { Pack } from '../content/pack-types.js';
import type { AttemptView } from './attempt-view.js';

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
 * The paper serialised, per pack. Keyed by the pack's id and digest (a SHA-256 of its files): a
 * loaded pack never changes, and a pack loaded again with other content gets another entry.
 */
export class PaperCache {
  private readonly papers = new Map<string, { waiting: string; started: string }>();

  json(pack: Pack, started: boolean): string {
    const key = `${pack.id}\u0000${pack.digest}`;
    let paper = this.papers.get(key);
    if (!paper) {
      paper = { waiting: JSON.stringify(paperView(pack, false)), started: JSON.stringify(paperView(pack, true)) };
      this.papers.set(key, paper);
    }
    return started ? paper.started : paper.waiting;
  }
}

/**
 * The whole AttemptView as JSON, the paper given already serialised: the same text as
 * JSON.stringify of the object (same keys, same order), without serialising the paper again.
 */
export function attemptJson(view: Omit<AttemptView, 'pack'>, paperJson: string): string {
  const { session, candidate, answers, messages, clock } = view;
  return `{"session":${JSON.stringify(session)},"candidate":${JSON.stringify(candidate)},"pack":${paperJson},"answers":${JSON.stringify(answers)},"messages":${JSON.stringify(messages)},"clock":${JSON.stringify(clock)}}`;
}
