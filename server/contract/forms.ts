// Parallel forms of a pack (docs/forms.md): the admin's view of each form, its retirement and
// the exposure log (which form ran where and when).
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, Time } from './common.js';

export const FormExposure = Type.Object({
  sessionId: Type.Integer(),
  sessionCode: Type.String(),
  packId: Type.String(),
  formId: Type.String(),
  packDigest: Type.String(),
  room: Type.String(),
  pilot: Type.Boolean(),
  startedAt: Time,
  endedAt: Nullable(Time),
});

export const FormState = Type.Object({
  formId: Type.String(),
  title: Localized,
  retired: Nullable(Type.Object({ at: Time, reason: Type.String() })),
  /** Sessions that started on the form, pilots left out (a pilot is itself an exposure, listed in the log). */
  exposures: Type.Integer(),
  lastExposedAt: Nullable(Time),
});

export const FormsView = Type.Object({
  packs: Type.Array(Type.Object({ packId: Type.String(), title: Localized, forms: Type.Array(FormState) })),
  exposures: Type.Array(FormExposure),
});
export type FormsView = Static<typeof FormsView>;

export const FormParams = Type.Object({ packId: Type.String({ minLength: 1, maxLength: 64 }), formId: Type.String({ minLength: 1, maxLength: 64 }) });
export const RetireForm = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false });
