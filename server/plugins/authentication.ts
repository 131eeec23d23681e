import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, SESSION_COOKIE, SESSION_LIFETIME_MS, type Principal } from '../auth/auth-service.js';
import type { StaffRole } from '../db/schema/accounts.js';
import { userError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthService;
    /** preHandler: the request must come from a candidate. */
    requireCandidate: (request: FastifyRequest) => Promise<void>;
    /** preHandler factory: the request must come from staff with one of these roles. */
    requireStaff: (...roles: StaffRole[]) => (request: FastifyRequest) => Promise<void>;
    setSessionCookie: (reply: FastifyReply, token: string) => void;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Logging in has no session yet, so no CSRF token: SameSite=Strict and the Origin check cover it. */
const loginRoutes = new Set(['/api/auth/login', '/api/candidate/login']);

/** Same-origin check: a browser always sends Origin on POST and on the WebSocket upgrade. */
export function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (curl, the load generator): cookies still required
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export default fp(
  async (app) => {
    await app.register(cookie);
    const auth = new AuthService(app.db);
    app.decorate('auth', auth);
    app.decorateRequest('principal', null);

    app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        // Secure when the centre gave a certificate (HTTPS); on a plain-HTTP LAN a Secure
        // cookie would never be sent back. trustProxy is off: the socket itself decides.
        secure: 'auto',
        maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
      });
    });

    app.addHook('onRequest', async (request) => {
      request.principal = auth.resolve(request.cookies[SESSION_COOKIE]);
      const path = request.url.split('?')[0]!;
      if (!unsafeMethods.has(request.method) || !path.startsWith('/api/')) return;
      if (!originAllowed(request)) {
        throw userError(403, 'bad-origin', 'This request comes from another site and was refused.');
      }
      if (loginRoutes.has(path)) return;
      if (!request.principal) throw userError(401, 'not-logged-in', 'You are not logged in, or your session has expired: log in again.');
      if (request.headers['x-csrf-token'] !== request.principal.csrfToken) {
        throw userError(403, 'bad-csrf-token', 'This request lacks its security token: reload the page and try again.');
      }
    });

    app.decorate('requireCandidate', async (request: FastifyRequest) => {
      if (!request.principal) throw userError(401, 'not-logged-in', 'You are not logged in, or your session has expired: log in again.');
      if (request.principal.kind !== 'candidate') throw userError(403, 'candidates-only', 'This page is for candidates only.');
    });

    app.decorate('requireStaff', (...roles: StaffRole[]) => async (request: FastifyRequest) => {
      const p = request.principal;
      if (!p) throw userError(401, 'not-logged-in', 'You are not logged in, or your session has expired: log in again.');
      if (p.kind !== 'staff' || !roles.includes(p.role)) {
        throw userError(403, 'forbidden', `This needs the role ${roles.join(' or ')}.`);
      }
    });
  },
  { name: 'lectern-authentication', dependencies: ['lectern-database'] },
);
