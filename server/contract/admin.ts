// What the admin pages read and send: content packs, staff accounts.
import { Type, type Static } from '@sinclair/typebox';
import { Localized, Nullable, Time } from './common.js';
import { StaffRole } from './auth.js';
import { PackProblem } from './pack.js';

export const PackSummary = Type.Object({
  id: Type.String(),
  title: Localized,
  certification: Localized,
  durationMinutes: Type.Integer(),
  sections: Type.Integer(),
  questions: Type.Integer(),
  digest: Type.String(),
  /** The parallel forms of the pack (docs/forms.md), with whether each is retired; absent for a pack with one form. */
  forms: Type.Optional(Type.Array(Type.Object({ id: Type.String(), title: Localized, retired: Type.Boolean() }))),
});
export type PackSummary = Static<typeof PackSummary>;

/** GET /api/packs */
export const PackList = Type.Object({ packs: Type.Array(PackSummary), problems: Type.Array(PackProblem) });
export type PackList = Static<typeof PackList>;

export const NewAccount = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-zA-Z0-9._-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: StaffRole,
    password: Type.String({ minLength: 12, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type NewAccount = Static<typeof NewAccount>;

export const AccountView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  disabled: Type.Boolean(),
  /** The last successful login; null for an account never used. */
  lastLoginAt: Nullable(Time),
  /** Whether it supervised, graded or otherwise left a trace in an exam: then it can be disabled, never deleted. */
  hasWork: Type.Boolean(),
});
export type AccountView = Static<typeof AccountView>;

/** PATCH /api/admin/accounts/:id — disables or re-enables an account. */
export const AccountStatusChange = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export type AccountStatusChange = Static<typeof AccountStatusChange>;

/** POST /api/admin/accounts/:id/password-reset — the new password, shown once and never stored in clear. */
export const PasswordResetView = Type.Object({ username: Type.String(), password: Type.String() });
export type PasswordResetView = Static<typeof PasswordResetView>;

/** POST /api/admin/accounts/:id/end-sessions — how many open login sessions were ended. */
export const SessionsEndedView = Type.Object({ ended: Type.Integer() });
export type SessionsEndedView = Static<typeof SessionsEndedView>;

/** POST /api/auth/password — anyone logged in as staff changes their own password. */
export const OwnPasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 12, maxLength: 256 }) },
  { additionalProperties: false },
);
export type OwnPasswordChange = Static<typeof OwnPasswordChange>;

/** GET /healthz: the database answers, and how many packs are loaded. */
export const HealthView = Type.Object({ status: Type.Literal('ok'), packs: Type.Integer() });
export type HealthView = Static<typeof HealthView>;
