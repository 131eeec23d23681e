import fp from 'fastify-plugin';
import type { AuditLog } from '../audit/audit-log.js';
import { candidateDataOf, type CandidateDataKind } from './candidate-data-routes.js';

export interface DataRead {
  accountId: number;
  sessionId: number | null;
  kinds: readonly CandidateDataKind[];
  /** The route (or `ws:subscribe`) that showed the data. */
  route: string;
  candidateId?: number;
}

/** One read of candidates' data by a staff account, as an audit entry. */
export function recordDataRead(audit: AuditLog, read: DataRead): void {
  audit.append({
    actorKind: 'account',
    actorId: read.accountId,
    sessionId: read.sessionId,
    action: 'data.read',
    detail: { kinds: read.kinds, route: read.route, ...(read.candidateId !== undefined ? { candidateId: read.candidateId } : {}) },
  });
}

// Params arrive as numbers once a route's schema coerced them, as strings otherwise.
const wholeNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
};

/**
 * Every read of candidates' data by a staff account goes into the audit log (CNIL: access to
 * candidates' data is restricted and logged): once per successful page or download, with the
 * session, the candidate when the address names one, and the kinds of data. A candidate reading
 * their own paper is not logged: it is their data. Refused requests showed nothing: not logged.
 */
export default fp(
  async (app) => {
    // On send rather than on response: the entry is written before the answer leaves, so whoever
    // reads the log right after a page has loaded finds it there.
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode >= 400 || request.principal?.kind !== 'staff') return payload;
      const kinds = candidateDataOf(request.method, request.routeOptions.url);
      if (!kinds) return payload;
      const params: Record<string, unknown> = typeof request.params === 'object' && request.params !== null ? { ...request.params } : {};
      const candidateId = wholeNumber(params.candidateId);
      recordDataRead(app.audit, {
        accountId: request.principal.accountId,
        sessionId: wholeNumber(params.id) ?? null,
        kinds,
        route: request.routeOptions.url ?? '',
        ...(candidateId !== undefined ? { candidateId } : {}),
      });
      return payload;
    });
  },
  { name: 'lectern-data-access-log', dependencies: ['lectern-exam-services', 'lectern-authentication'] },
);
