// Login throttles as the proctor (for a session) and the admin (staff accounts, addresses) see them.
import { Type, type Static } from '@sinclair/typebox';
import { Id, OneOf, Time } from './common.js';

export const throttleKinds = ['account', 'address', 'session', 'candidate-code'] as const;

export const ThrottleView = Type.Object({
  id: Type.Integer(),
  /** account: a staff user name; address: a workstation's address; session: wrong codes in the session; candidate-code: one code typed. */
  kind: OneOf(throttleKinds),
  subject: Type.String(),
  failures: Type.Integer(),
  firstFailureAt: Time,
  lastFailureAt: Time,
  /** How long before the next try is allowed (0: now; an address and a session are only slowed). */
  waitSeconds: Type.Integer(),
});
export type ThrottleView = Static<typeof ThrottleView>;

export const ThrottleList = Type.Array(ThrottleView);

export const SessionThrottleParams = Type.Object({ id: Id, throttleId: Id });
export type SessionThrottleParams = Static<typeof SessionThrottleParams>;

export const ThrottleParams = Type.Object({ throttleId: Id });
export type ThrottleParams = Static<typeof ThrottleParams>;
