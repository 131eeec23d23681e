import type { WebSocket } from 'ws';
import { INCOMPATIBLE_CLOSE_CODE, PROTOCOL_VERSION, PROTOCOL_VERSION_PARAM, announcedVersion } from '../contract/protocol-version.js';
import type { Incompatible } from '../contract/kiosk-protocol.js';

/**
 * A page announces its protocol version in the socket URL (`/ws?v=2`). A page of another version
 * (or of none: built before versions) would send messages the server misreads, or misread the
 * server's: it gets `incompatible`, which it shows as "reload this page", and the socket closes
 * with a code the page does not retry on. True when the socket was refused.
 */
export function refuseIncompatiblePage(socket: WebSocket, query: unknown): boolean {
  const raw: unknown = typeof query === 'object' && query !== null ? Reflect.get(query, PROTOCOL_VERSION_PARAM) : undefined;
  const clientVersion = announcedVersion(raw);
  if (clientVersion === PROTOCOL_VERSION) return false;
  const answer: Incompatible = {
    type: 'incompatible',
    serverVersion: PROTOCOL_VERSION,
    clientVersion,
    message: 'This page is out of date: reload it to continue.',
  };
  socket.send(JSON.stringify(answer));
  socket.close(INCOMPATIBLE_CLOSE_CODE, 'incompatible protocol version');
  return true;
}
