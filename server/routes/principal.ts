// Who is behind a request, as the routes need it. The preHandlers (`requireStaff`,
// `requireCandidate`) have already refused anyone else, so the 401 below only keeps the types
// honest without a cast.
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/auth-service.js';
import type { Actor } from '../exam/actor.js';
import { userError } from '../errors.js';

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type CandidatePrincipal = Extract<Principal, { kind: 'candidate' }>;

const notLoggedIn = () => userError(401, 'not-logged-in', 'You are not logged in.');

/** The staff member behind a request that passed `requireStaff`. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const p = request.principal;
  if (p?.kind !== 'staff') throw notLoggedIn();
  return p;
}

/** The candidate behind a request that passed `requireCandidate`. */
export function candidateOf(request: FastifyRequest): CandidatePrincipal {
  const p = request.principal;
  if (p?.kind !== 'candidate') throw notLoggedIn();
  return p;
}

/** The staff account behind a request, as the audit log records who acted. */
export const accountActor = (request: FastifyRequest): Extract<Actor, { kind: 'account' }> => ({ kind: 'account', id: staffOf(request).accountId });
