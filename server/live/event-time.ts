// When a kiosk event happened, on the server's clock. A kiosk that was offline keeps its events
// in an outbox and sends them on reconnection with `queuedMs`, how long each waited (measured on
// the kiosk's monotonic clock, so a wrong wall clock on the workstation does not matter). The
// report must show when the candidate left the page, not when the network came back.

/**
 * The longest wait believed: an exam day's outage. More is a kiosk bug or a forged detail, and
 * an event dated a day early would sit in the wrong session's timeline.
 */
export const MAX_QUEUED_MS = 6 * 60 * 60 * 1000;

/**
 * The time to store for an event received at `receivedAt`: back-dated by `queuedMs` when it is
 * a positive number, at most MAX_QUEUED_MS, and never before `notBefore` (the candidate's first
 * login: nothing was monitored earlier). Anything else is dated on receipt.
 */
export function eventTime(receivedAt: number, queuedMs: unknown, notBefore: number | null): number {
  if (typeof queuedMs !== 'number' || !Number.isFinite(queuedMs) || queuedMs <= 0) return receivedAt;
  const at = receivedAt - Math.min(Math.round(queuedMs), MAX_QUEUED_MS);
  if (notBefore === null) return at;
  return Math.max(at, Math.min(notBefore, receivedAt));
}
