import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../contract/i18n/format.js';
import { accountActor } from './principal.js';

/** The acting proctor (as the audit log records them), once they are known to supervise this session. */
export type Supervisor = (request: FastifyRequest, sessionId: number) => { kind: 'account'; id: number };

/** Checks that the staff member behind a request supervises an existing session, and names them. */
export function supervisorOf(app: FastifyInstance): Supervisor {
  return (request, sessionId) => {
    app.proctor.access.requireSupervisor(request.principal, sessionId);
    app.exam.requireSession(sessionId);
    return accountActor(request);
  };
}

/** The language of a printed page or CSV: French unless English is asked for. */
export const languageOf = (query: { lang?: Language | undefined }): Language => (query.lang === 'en' ? 'en' : 'fr');
