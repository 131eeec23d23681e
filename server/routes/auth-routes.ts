import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { minutesOf } from '../auth/login-limiter.js';
import type { CandidateFailure } from '../auth/login-throttles.js';
import { isWellFormedCode, normalizeCode } from '../contract/rules/code-format.js';
import { SESSION_COOKIE } from '../auth/auth-service.js';
import { userError, type UserError } from '../errors.js';
import { errors } from '../contract/errors.js';
import { CandidateLogin, LoginResult, MeView, StaffLogin } from '../contract/auth.js';

/** The wait, in seconds (for a countdown) and in minutes (for the message). */
function waitParams(ms: number) {
  return { retryAfterSeconds: Math.ceil(ms / 1000), retryAfterMinutes: minutesOf(ms) };
}

function accountThrottled(ms: number): UserError {
  const minutes = minutesOf(ms);
  return userError(429, 'rate-limited', `Too many failed attempts for this account: try again in ${minutes} minute${minutes > 1 ? 's' : ''}, or ask an administrator to clear the wait.`, waitParams(ms));
}

function address(request: FastifyRequest): string {
  return request.ip;
}

/** Logging in (staff with a password, candidates with the codes of their slip), out, and who am I. */
export default async function authRoutes(app: FastifyInstance) {
  staffLoginRoute(app);
  candidateLoginRoute(app);
  loginSessionRoutes(app);
}

/**
 * A staff account that failed too often waits (30 s, then doubling up to 15 min), whatever the
 * address; an address that failed too often only has its failures answered slowly.
 */
function staffLoginRoute(app: FastifyInstance) {
  app.post<{ Body: Static<typeof StaffLogin> }>(
    '/api/auth/login',
    { schema: { summary: 'Staff login (admin, proctor, corrector)', body: StaffLogin, response: { 200: LoginResult, ...errors(400, 401, 403, 429) } } },
    async (request, reply) => {
      const now = Date.now();
      const username = request.body.username.trim().toLowerCase();
      const wait = app.throttles.accountWait(username, now);
      if (wait > 0) throw accountThrottled(wait);
      const opened = await app.logins.staff.logIn({ username, password: request.body.password, address: address(request) });
      if (!opened) {
        await app.throttles.staffFailed(username, address(request), now);
        throw userError(401, 'bad-credentials', 'Wrong user name or password.');
      }
      app.throttles.accountSucceeded(username);
      const { token, csrfToken } = opened;
      app.setSessionCookie(reply, token);
      return { csrfToken };
    },
  );
}

function candidateLoginRoute(app: FastifyInstance) {
  app.post<{ Body: Static<typeof CandidateLogin> }>(
    '/api/candidate/login',
    {
      schema: {
        summary: 'Candidate login with the session code and the candidate code from the slip',
        body: CandidateLogin,
        response: { 200: LoginResult, ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const now = Date.now();
      const { session, candidate, workstation } = await admitCandidate(app, request.body, address(request), now);
      // One kiosk per candidate: an earlier login (a crashed browser, a restarted workstation)
      // ends here, in the same commit as the new one; its kiosk is told once that is stored.
      const { token, csrfToken } = app.logins.candidates.open({ candidateId: candidate.id, sessionId: session.id, workstation, address: address(request), now });
      app.hub.disconnectCandidate(candidate.id, 'replaced');
      app.setSessionCookie(reply, token);
      return { csrfToken };
    },
  );
}

/**
 * Whether these codes let a candidate in from this workstation: well formed, a session that has
 * not ended, a candidate of it who is not absent and not connected on another workstation.
 * A wrong code is counted (address, session, code typed) and answered once the address's hold
 * allows; the other refusals are not failures. A right code is never throttled: only a wrong
 * candidate code typed again and again waits, and the message sends the candidate to the proctor.
 */
async function admitCandidate(app: FastifyInstance, body: Static<typeof CandidateLogin>, from: string, now: number) {
  const sessionCode = normalizeCode(body.sessionCode);
  const candidateCode = normalizeCode(body.candidateCode);
  if (!isWellFormedCode(sessionCode, 6) || !isWellFormedCode(candidateCode, 8)) {
    throw userError(400, 'bad-code', 'Check the codes on your slip: the session code has 6 characters and your candidate code 8 (letters and digits, without 0, O, 1, I or L).');
  }
  const fail = async (failure: CandidateFailure, error: UserError) => {
    await app.throttles.candidateFailed(failure, now);
    return error;
  };
  const session = app.exam.sessionByCode(sessionCode);
  if (!session) throw await fail({ address: from, session: null, candidateCode: null }, userError(401, 'unknown-session', 'No session has this code: check the session code on your slip.'));
  if (session.state === 'ended') throw userError(409, 'ended', 'This session has ended.');
  const candidate = app.exam.candidateByCode(session.id, candidateCode);
  if (!candidate) {
    const failure = { address: from, session: { id: session.id, code: session.code }, candidateCode };
    const wait = app.throttles.candidateCodeWait(session.id, candidateCode, now);
    if (wait > 0) {
      const minutes = minutesOf(wait);
      throw await fail(failure, userError(429, 'candidate-code-throttled', `This candidate code has been refused several times: check it on your slip and ask the proctor (another try in ${minutes} minute${minutes > 1 ? 's' : ''}).`, waitParams(wait)));
    }
    throw await fail(failure, userError(401, 'unknown-candidate', 'This candidate code is not part of this session: check it on your slip.'));
  }
  if (candidate.absentAt !== null) throw userError(403, 'absent', 'You are marked absent for this session: call the proctor.');
  const workstation = body.workstation?.trim() || null;
  const live = app.hub.presence.get(candidate.id);
  if (app.hub.isConnected(candidate.id, now) && live?.workstation !== workstation) {
    app.supervision.record(session.id, candidate.id, 'second-login', { workstation: workstation ?? '', connectedOn: live?.workstation ?? '' });
    throw userError(409, 'in-use-elsewhere', 'This candidate code is already in use on another workstation: call the proctor.');
  }
  return { session, candidate, workstation };
}

/** Ending one's login session, and who is logged in (with the CSRF token the pages send back). */
function loginSessionRoutes(app: FastifyInstance) {
  app.post('/api/auth/logout', { schema: { summary: 'Ends this login session', response: { 204: Type.Null(), ...errors(401, 403) } } }, async (request, reply) => {
    if (request.principal) app.auth.revoke(request.principal.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { schema: { summary: 'Who is logged in, and the CSRF token', response: { 200: MeView, ...errors(401) } } }, async (request): Promise<MeView> => {
    const p = request.principal;
    if (!p) throw userError(401, 'not-logged-in', 'You are not logged in.');
    if (p.kind === 'candidate') return { kind: 'candidate', role: 'candidate', displayName: p.code, csrfToken: p.csrfToken };
    return { kind: 'staff', role: p.role, displayName: p.displayName, csrfToken: p.csrfToken };
  });
}
