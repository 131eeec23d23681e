// Logging in and out: staff with a user name and password, candidates with the codes on their slip.
import { Type, type Static } from '@sinclair/typebox';
import { OneOf } from './common.js';

export const staffRoles = ['admin', 'proctor', 'corrector'] as const;
export const StaffRole = OneOf(staffRoles);
export type StaffRole = Static<typeof StaffRole>;

export const StaffLogin = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type StaffLogin = Static<typeof StaffLogin>;

export const CandidateLogin = Type.Object(
  {
    sessionCode: Type.String({ minLength: 1, maxLength: 32 }),
    candidateCode: Type.String({ minLength: 1, maxLength: 32 }),
    workstation: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CandidateLogin = Static<typeof CandidateLogin>;

export const LoginResult = Type.Object({ csrfToken: Type.String() });
export type LoginResult = Static<typeof LoginResult>;

/** GET /api/auth/me */
export const MeView = Type.Object({
  kind: OneOf(['candidate', 'staff'] as const),
  role: OneOf(['candidate', ...staffRoles] as const),
  displayName: Type.String(),
  csrfToken: Type.String(),
});
export type MeView = Static<typeof MeView>;
