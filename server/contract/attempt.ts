// What the candidate's kiosk reads and sends over HTTP (/api/attempt...).
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, Time } from './common.js';
import { AnswerLanguage } from './pack.js';
import { ClockView, ProctorMessageView, Receipt, SessionState } from './kiosk-protocol.js';
import { FallbackIssue } from './fallback-file.js';

export const AttemptQuestionView = Type.Object({
  id: Type.String(),
  promptHtml: Type.String(),
  targetWords: Type.Integer(),
});
export type AttemptQuestionView = Static<typeof AttemptQuestionView>;

export const AttemptSectionView = Type.Object({
  id: Type.String(),
  title: Localized,
  instructions: Nullable(Localized),
  answerLanguage: AnswerLanguage,
  hasDocument: Type.Boolean(),
  /** Empty until the session has started: questions are part of the exam paper. */
  questions: Type.Array(AttemptQuestionView),
});
export type AttemptSectionView = Static<typeof AttemptSectionView>;

export const AttemptAnswerView = Type.Object({
  questionId: Type.String(),
  text: Type.String(),
  revision: Type.Integer(),
  savedAt: Time,
});
export type AttemptAnswerView = Static<typeof AttemptAnswerView>;

/** The exam paper: its questions only once the session has started. */
export const AttemptPaperView = Type.Object({ title: Localized, durationMinutes: Type.Integer(), questionCount: Type.Integer(), sections: Type.Array(AttemptSectionView) });
export type AttemptPaperView = Static<typeof AttemptPaperView>;

/** GET /api/attempt */
export const AttemptView = Type.Object({
  session: Type.Object({ code: Type.String(), title: Type.String(), state: SessionState }),
  candidate: Type.Object({
    code: Type.String(),
    workstation: Nullable(Type.String()),
    noticeAcknowledgedAt: Nullable(Time),
    locked: Type.Boolean(),
    receipt: Nullable(Receipt),
  }),
  pack: AttemptPaperView,
  answers: Type.Array(AttemptAnswerView),
  messages: Type.Array(ProctorMessageView),
  clock: ClockView,
  /** The fallback file's key and settings (issue 10, item 4); null for an attempt logged in before keys existed. */
  fallback: Type.Optional(Nullable(FallbackIssue)),
});
export type AttemptView = Static<typeof AttemptView>;

export const TocEntry = Type.Object({ id: Type.String(), text: Type.String(), depth: Type.Integer() });

/** GET /api/attempt/sections/:sectionId/document */
export const DocumentView = Type.Object({
  sectionId: Type.String(),
  html: Type.String(),
  toc: Type.Array(TocEntry),
});
export type DocumentView = Static<typeof DocumentView>;

export const SectionParams = Type.Object({ sectionId: Type.String({ maxLength: 64 }) });
export const AssetParams = Type.Object({ packId: Type.String({ maxLength: 64 }), '*': Type.String({ maxLength: 200 }) });

/** POST /api/attempt/notice */
export const NoticeAcknowledged = Type.Object({ noticeAcknowledgedAt: Time });
export type NoticeAcknowledged = Static<typeof NoticeAcknowledged>;
