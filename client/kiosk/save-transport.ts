// How the save queue reaches the server: the kiosk's socket in the browser, a fake in the tests.
import type { KioskToServer } from '../../server/contract/kiosk-protocol.js';

export type SaveMessage = Extract<KioskToServer, { type: 'save' }>;

export interface SaveTransport {
  /** True while a save sent now can reach the server. */
  readonly online: boolean;
  /** Sends now; false means it was not sent (it stays pending and goes after the next reconnect). */
  send(save: SaveMessage): boolean;
  /** Drops a connection that no longer answers and opens a new one. */
  reconnect?(): void;
}
