import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { LoginLimiter } from '../auth/login-limiter.js';
import { isWellFormedCode, normalizeCode } from '../contract/rules/code-format.js';
import { SESSION_COOKIE } from '../auth/auth-service.js';
import { userError } from '../errors.js';
import { errors } from '../contract/errors.js';
import { CandidateLogin, LoginResult, MeView, StaffLogin } from '../contract/auth.js';

/** Failed logins counted in memory: per staff account, and per address for everyone. */
interface Limiters {
  perAccount: LoginLimiter;
  perAddress: LoginLimiter;
}

function rateLimited(ms: number) {
  const seconds = Math.ceil(ms / 1000);
  return userError(429, 'rate-limited', `Too many failed attempts: wait ${seconds} seconds, or ask the proctor.`, { retryAfterSeconds: seconds });
}

function address(request: FastifyRequest): string {
  return request.ip;
}

/** Logging in (staff with a password, candidates with the codes of their slip), out, and who am I. */
export default async function authRoutes(app: FastifyInstance) {
  const limiters: Limiters = {
    // A staff password guessed slowly is still guessed: 5 failures per account per 15 minutes.
    perAccount: new LoginLimiter({ maxFailures: 5, windowMs: 15 * 60_000 }),
    // A whole room logs in from different addresses; one address failing 30 times is probing.
    perAddress: new LoginLimiter({ maxFailures: 30, windowMs: 10 * 60_000 }),
  };
  staffLoginRoute(app, limiters);
  candidateLoginRoute(app, limiters);
  loginSessionRoutes(app);
}

function staffLoginRoute(app: FastifyInstance, { perAccount, perAddress }: Limiters) {
  app.post<{ Body: Static<typeof StaffLogin> }>(
    '/api/auth/login',
    { schema: { summary: 'Staff login (admin, proctor, corrector)', body: StaffLogin, response: { 200: LoginResult, ...errors(400, 401, 403, 429) } } },
    async (request, reply) => {
      const now = Date.now();
      const username = request.body.username.trim().toLowerCase();
      const wait = Math.max(perAccount.retryAfterMs(username, now), perAddress.retryAfterMs(address(request), now));
      if (wait > 0) throw rateLimited(wait);
      const opened = await app.logins.staff.logIn({ username, password: request.body.password, address: address(request) });
      if (!opened) {
        perAccount.recordFailure(username, now);
        perAddress.recordFailure(address(request), now);
        throw userError(401, 'bad-credentials', 'Wrong user name or password.');
      }
      perAccount.clear(username);
      const { token, csrfToken } = opened;
      app.setSessionCookie(reply, token);
      return { csrfToken };
    },
  );
}

function candidateLoginRoute(app: FastifyInstance, { perAddress }: Limiters) {
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
      const wait = perAddress.retryAfterMs(address(request), now);
      if (wait > 0) throw rateLimited(wait);
      const { session, candidate, workstation } = admitCandidate(app, request.body, now, () => perAddress.recordFailure(address(request), now));
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
 * A wrong code counts as a failure of the address (`countFailure`); the other refusals do not.
 */
function admitCandidate(app: FastifyInstance, body: Static<typeof CandidateLogin>, now: number, countFailure: () => void) {
  const sessionCode = normalizeCode(body.sessionCode);
  const candidateCode = normalizeCode(body.candidateCode);
  if (!isWellFormedCode(sessionCode, 6) || !isWellFormedCode(candidateCode, 8)) {
    throw userError(400, 'bad-code', 'Check the codes on your slip: the session code has 6 characters and your candidate code 8 (letters and digits, without 0, O, 1, I or L).');
  }
  const fail = (status: number, code: string, message: string) => {
    countFailure();
    return userError(status, code, message);
  };
  const session = app.exam.sessionByCode(sessionCode);
  if (!session) throw fail(401, 'unknown-session', 'No session has this code: check the session code on your slip.');
  if (session.state === 'ended') throw userError(409, 'ended', 'This session has ended.');
  const candidate = app.exam.candidateByCode(session.id, candidateCode);
  if (!candidate) throw fail(401, 'unknown-candidate', 'This candidate code is not part of this session: check it on your slip.');
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
