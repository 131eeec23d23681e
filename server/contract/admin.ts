// What the admin pages read and send: content packs, staff accounts.
import { Type, type Static } from '@sinclair/typebox';
import { Localized } from './common.js';
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

export const AccountView = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String(), role: StaffRole, disabled: Type.Boolean() });
export type AccountView = Static<typeof AccountView>;

/** GET /healthz: the database answers, and how many packs are loaded. */
export const HealthView = Type.Object({ status: Type.Literal('ok'), packs: Type.Integer() });
export type HealthView = Static<typeof HealthView>;
