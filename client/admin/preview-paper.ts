// The preview's pack in the shapes the kiosk's components take: the exam paper of a candidate
// whose exam has started, with no answer yet, so <lectern-exam> shows exactly what the kiosk shows.

import type { AttemptView, DocumentView } from '../../server/contract/attempt.js';
import type { PreviewedPack } from '../../server/contract/preview.js';

export function previewAttempt(packId: string, pack: PreviewedPack, now: number): AttemptView {
  const durationMs = pack.durationMinutes * 60_000;
  return {
    session: { code: packId, title: pack.title.fr, state: 'running' },
    candidate: { code: packId, workstation: null, noticeAcknowledgedAt: now, locked: false, receipt: null },
    pack: {
      title: pack.title,
      durationMinutes: pack.durationMinutes,
      questionCount: pack.sections.reduce((n, s) => n + s.questions.length, 0),
      sections: pack.sections.map((s) => ({
        id: s.id,
        title: s.title,
        instructions: s.instructions,
        answerLanguage: s.answerLanguage,
        hasDocument: s.document !== null,
        questions: s.questions.map((q) => ({ id: q.id, promptHtml: q.promptHtml, targetWords: q.targetWords })),
      })),
    },
    answers: [],
    messages: [],
    clock: { serverNow: now, sessionState: 'running', paused: false, startedAt: now, deadlineAt: now + durationMs, timeLeftMs: durationMs, extraMs: 0 },
  };
}

export function previewDocuments(pack: PreviewedPack): Map<string, DocumentView> {
  return new Map(pack.sections.flatMap((s) => (s.document ? [[s.id, s.document] as const] : [])));
}
