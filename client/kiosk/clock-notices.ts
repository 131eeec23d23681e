// What changed in the candidate's time between two views of the server's clock, worth telling
// the candidate: extra time given (or taken back), a pause, the end of a pause. Without it the
// clock simply jumped and the candidate was left to guess why.
import type { ClockView } from '../../server/contract/kiosk-protocol.js';

export type ClockNotice =
  | { kind: 'extra'; minutes: number; endsAt: number }
  | { kind: 'reduced'; endsAt: number }
  | { kind: 'paused' }
  | { kind: 'resumed'; endsAt: number };

const paused = (clock: ClockView) => clock.paused || clock.sessionState === 'paused';

/** The notice for going from `before` to `after`; null when nothing the candidate must know changed. */
export function clockNotice(before: ClockView | null, after: ClockView | null): ClockNotice | null {
  // The first view (page loaded, or logged in) is the state itself, not a change.
  if (!before || !after || after.sessionState === 'ended' || after.sessionState === 'waiting') return null;
  if (!paused(before) && paused(after)) return { kind: 'paused' };
  const endsAt = after.deadlineAt;
  if (endsAt === null) return null;
  if (paused(before) && !paused(after)) return { kind: 'resumed', endsAt };
  if (paused(after)) return null;
  if (after.extraMs > before.extraMs) return { kind: 'extra', minutes: Math.round((after.extraMs - before.extraMs) / 60_000), endsAt };
  if (after.extraMs < before.extraMs) return { kind: 'reduced', endsAt };
  return null;
}
