// What GET /api/attempt returns to the kiosk. Types only, shared with the client.
import type { Localized, AnswerLanguage } from '../content/pack-types.js';
import type { ClockView, ProctorMessageView, Receipt } from '../live/protocol.js';

export interface AttemptQuestionView {
  id: string;
  promptHtml: string;
  targetWords: number;
}

export interface AttemptSectionView {
  id: string;
  title: Localized;
  instructions: Localized | null;
  answerLanguage: AnswerLanguage;
  hasDocument: boolean;
  /** Empty until the session has started: questions are part of the exam paper. */
  questions: AttemptQuestionView[];
}

export interface AttemptAnswerView {
  questionId: string;
  text: string;
  revision: number;
  savedAt: number;
}

export interface AttemptView {
  session: { code: string; title: string; state: 'waiting' | 'running' | 'paused' | 'ended' };
  candidate: {
    code: string;
    workstation: string | null;
    noticeAcknowledgedAt: number | null;
    locked: boolean;
    receipt: Receipt | null;
  };
  pack: { title: Localized; durationMinutes: number; questionCount: number; sections: AttemptSectionView[] };
  answers: AttemptAnswerView[];
  messages: ProctorMessageView[];
  clock: ClockView;
}

/** GET /api/attempt/sections/:sectionId/document */
export interface DocumentView {
  sectionId: string;
  html: string;
  toc: { id: string; text: string; depth: number }[];
}

/** GET /api/auth/me */
export interface MeView {
  kind: 'candidate' | 'staff';
  role: 'candidate' | 'admin' | 'proctor' | 'corrector';
  displayName: string;
  csrfToken: string;
}
