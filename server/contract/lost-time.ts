import { Type, type Static } from '@sinclair/typebox';
import { OneOf } from './common.js';

// The time a candidate lost while writing, measured from what the server recorded (issue 13,
// item 2): offline (connection lost to connection back), locked by the proctor (locked to
// unlocked) or the server interrupted (last heartbeat to restart), over a minute each. The proctor is offered each as incident time, its measured
// duration as the reason, granted through the extra-time route in one action.
export const lostTimeKinds = ['offline', 'locked', 'interrupted'] as const;

export const LostPeriod = Type.Object({
  kind: OneOf(lostTimeKinds),
  from: Type.Integer(),
  to: Type.Integer(),
  /** Minutes to grant: the measured duration, rounded up to the half minute. */
  minutes: Type.Number(),
  /** The reason, in the asked language, worded from the measure ("hors ligne de 09:12:03 à 09:14:30 (2,5 min)"). */
  reason: Type.String(),
  /** Incident time with this very reason was already given. */
  granted: Type.Boolean(),
});
export type LostPeriod = Static<typeof LostPeriod>;

export const LostTimeView = Type.Object({ periods: Type.Array(LostPeriod) });
export type LostTimeView = Static<typeof LostTimeView>;
