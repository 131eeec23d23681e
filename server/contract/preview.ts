// What the admin's pack preview reads: a pack freshly loaded from disk, as the candidate sees it
// (document, questions) and as the corrector sees it (key points, rubrics), or the problems the
// check found. No session is created to show it.
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, Time } from './common.js';
import { DocumentView } from './attempt.js';
import { AnswerLanguage, KeyPoint, PackProblem, Rubric } from './pack.js';

/** A key point with its Markdown rendered, as the corrector reads it. */
export const PreviewKeyPoint = Type.Composite([KeyPoint, Type.Object({ html: Type.String() })]);
export type PreviewKeyPoint = Static<typeof PreviewKeyPoint>;

export const PreviewQuestion = Type.Object({
  id: Type.String(),
  promptHtml: Type.String(),
  targetWords: Type.Integer(),
  keyPoints: Type.Array(PreviewKeyPoint),
  documentAnchor: Nullable(Type.String()),
});
export type PreviewQuestion = Static<typeof PreviewQuestion>;

export const PreviewSection = Type.Object({
  id: Type.String(),
  title: Localized,
  instructions: Nullable(Localized),
  answerLanguage: AnswerLanguage,
  rubricIds: Type.Array(Type.String()),
  /** The document exactly as the kiosk receives it, its images served by the preview's own route. */
  document: Nullable(DocumentView),
  documentWords: Type.Integer(),
  questions: Type.Array(PreviewQuestion),
});
export type PreviewSection = Static<typeof PreviewSection>;

export const PreviewedPack = Type.Object({
  title: Localized,
  certification: Localized,
  durationMinutes: Type.Integer(),
  digest: Type.String(),
  sections: Type.Array(PreviewSection),
  rubrics: Type.Array(Rubric),
});
export type PreviewedPack = Static<typeof PreviewedPack>;

/** GET /api/admin/preview/packs/:packId: the pack as it is on disk now. */
export const PackPreview = Type.Object({
  id: Type.String(),
  /** When the pack was read from disk (server clock, ms). */
  checkedAt: Time,
  /** The check's problems; the pack is shown only when there is none. */
  problems: Type.Array(PackProblem),
  pack: Nullable(PreviewedPack),
});
export type PackPreview = Static<typeof PackPreview>;

export const PreviewFolder = Type.Object({ id: Type.String(), title: Nullable(Localized), problems: Type.Integer() });
export type PreviewFolder = Static<typeof PreviewFolder>;

/** GET /api/admin/preview/packs: every pack folder on disk, loadable or not. */
export const PreviewList = Type.Object({ packs: Type.Array(PreviewFolder) });
export type PreviewList = Static<typeof PreviewList>;

export const PreviewParams = Type.Object({ packId: Type.String({ maxLength: 64 }) });
export const PreviewAssetParams = Type.Object({ packId: Type.String({ maxLength: 64 }), '*': Type.String({ maxLength: 200 }) });
