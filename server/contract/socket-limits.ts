// What one socket may send, and how many sockets one login may hold open. Shared with the pages:
// a kiosk or a dashboard that follows the protocol never reaches these.
import type { KioskToServer } from './kiosk-protocol.js';
import type { StaffToServer } from './staff-protocol.js';

/** A burst allowance, refilled at a steady rate (a token bucket). */
export interface MessageRate {
  burst: number;
  perSecond: number;
}

/**
 * Per kiosk socket and message type. A kiosk saves at most every second or so per answer and
 * resends what the server lacks after a reconnect (a burst); it beats every 2 s. Supervision
 * events past their allowance are not refused but counted (SupervisionAllowance).
 */
export const kioskMessageRates: Record<KioskToServer['type'] | 'invalid', MessageRate> = {
  save: { burst: 200, perSecond: 20 },
  heartbeat: { burst: 10, perSecond: 2 },
  supervision: { burst: 100, perSecond: 20 },
  'acknowledge-message': { burst: 20, perSecond: 5 },
  /** Messages that do not parse: answered with an error until this runs out, then the socket is closed. */
  invalid: { burst: 20, perSecond: 1 },
};

export const staffMessageRates: Record<StaffToServer['type'] | 'invalid', MessageRate> = {
  subscribe: { burst: 10, perSecond: 1 },
  unsubscribe: { burst: 10, perSecond: 1 },
  ping: { burst: 10, perSecond: 2 },
  invalid: { burst: 20, perSecond: 1 },
};

/** Open sockets per candidate (a reload opens the next before the last has closed) and per staff login. */
export const MAX_KIOSK_SOCKETS = 3;
export const MAX_STAFF_SOCKETS_PER_LOGIN = 8;

/** The close code of the oldest socket of a login that opened one too many; the page reconnects as after any close. */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4008;
/** The close code of a socket that kept sending what the protocol refuses. */
export const POLICY_CLOSE_CODE = 1008;
