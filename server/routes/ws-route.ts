import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { originAllowed } from '../plugins/authentication.js';
import { handleKioskSocket } from '../live/kiosk-socket.js';
import { userError } from '../errors.js';
import { MAX_MESSAGE_BYTES } from '../contract/rules/limits.js';
import { refuseIncompatiblePage } from '../live/protocol-version-check.js';
import type { Principal } from '../auth/auth-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by the dashboard's plugin: handles proctor sockets. */
    staffSocketHandler?: (socket: WebSocket, principal: Extract<Principal, { kind: 'staff' }>) => void;
  }
}

export { MAX_MESSAGE_BYTES };

/** One socket endpoint. The login cookie and the Origin are checked before the upgrade. */
export default async function wsRoute(app: FastifyInstance) {
  app.get(
    '/ws',
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request) => {
        if (!originAllowed(request)) throw userError(403, 'bad-origin', 'WebSocket from another site refused.');
        if (!request.principal) throw userError(401, 'not-logged-in', 'Log in before opening the live connection.');
      },
    },
    (socket, request) => {
      if (refuseIncompatiblePage(socket, request.query)) return;
      const p = request.principal!;
      if (p.kind === 'candidate') {
        handleKioskSocket(socket, p.candidateId, p.sessionId, {
          exam: app.exam,
          answers: app.answers,
          packs: app.packs,
          hub: app.hub,
          events: app.examEvents,
          supervision: app.supervision,
          log: request.log,
        });
      } else if (app.staffSocketHandler) {
        app.staffSocketHandler(socket, p);
      } else {
        socket.close(1008, 'no live view for this role');
      }
    },
  );
}
