// The staff pages' login gate (client/common/staff-session.ts), shared by admin, proctor and grading.
import { describe, expect, it, vi } from 'vitest';
import type { MeView } from '../../../server/contract/auth.js';
import { ApiError } from '../../../client/common/api.js';
import { StaffSession, type StaffApi, type StaffRole } from '../../../client/common/staff-session.js';

const proctor: MeView = { kind: 'staff', role: 'proctor', displayName: 'Claire Martin', csrfToken: 'csrf-p' };
const candidate: MeView = { kind: 'candidate', role: 'candidate', displayName: 'GHJKMNPQ', csrfToken: 'csrf-c' };

function setup(answers: (MeView | Error)[], roles: readonly StaffRole[], prepare?: (me: MeView) => Promise<void>) {
  const calls: string[] = [];
  let csrf: string | null = null;
  let logoutFails = false;
  const api: StaffApi = {
    async get<T>(path: string) {
      calls.push(`GET ${path}`);
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (next instanceof Error) throw next;
      return next as T;
    },
    async post<T>(path: string) {
      calls.push(`POST ${path}`);
      if (logoutFails) throw new ApiError(0, 'network', 'offline');
      return {} as T;
    },
    setCsrfToken: (token) => (csrf = token),
  };
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
  const session = new StaffSession(host, { api, roles, prepare });
  return { session, host, calls, csrf: () => csrf, failLogout: () => (logoutFails = true) };
}

describe('the staff login gate', () => {
  it('waits for the server before showing anything', () => {
    const { session, host } = setup([proctor], ['proctor']);
    expect(session.gate).toBe('loading');
    expect(host.addController).toHaveBeenCalledWith(session);
  });

  it('shows the page to a user of an allowed role, with their CSRF token set', async () => {
    const { session, csrf } = setup([proctor], ['admin', 'proctor']);
    await session.check();
    expect(session.gate).toBe('ready');
    expect(session.me).toEqual(proctor);
    expect(csrf()).toBe('csrf-p');
  });

  it('shows the login form when nobody is logged in, then the page once the form succeeded', async () => {
    const { session, host } = setup([new ApiError(401, 'not-logged-in', 'Log in.'), proctor], ['proctor']);
    await session.check();
    expect(session.gate).toBe('login');
    expect(session.me).toBeNull();
    expect(host.requestUpdate).toHaveBeenCalled();
    await session.check();
    expect(session.gate).toBe('ready');
  });

  it('says the role does not fit, naming who is logged in, for another staff role or a candidate', async () => {
    const corrector = setup([{ ...proctor, role: 'corrector' }], ['admin', 'proctor']);
    await corrector.session.check();
    expect(corrector.session.gate).toBe('wrong-role');
    expect(corrector.session.me?.role).toBe('corrector');
    const kiosk = setup([candidate], ['admin', 'proctor', 'corrector']);
    await kiosk.session.check();
    expect(kiosk.session.gate).toBe('wrong-role');
  });

  it('loads what the page needs before showing it, and only for an allowed role', async () => {
    const prepare = vi.fn(async () => undefined);
    const allowed = setup([{ ...proctor, role: 'admin' }], ['admin'], prepare);
    await allowed.session.check();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(allowed.session.gate).toBe('ready');
    const other = setup([proctor], ['admin'], prepare);
    await other.session.check();
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('keeps what went wrong when the server cannot say who is logged in', async () => {
    const down = new ApiError(503, 'server-error', 'Down');
    const { session } = setup([down], ['proctor']);
    await session.check();
    expect(session.gate).toBe('failed');
    expect(session.error).toBe(down);
  });

  it('logs out to the login form, even when the server cannot be told', async () => {
    const { session, calls, failLogout } = setup([proctor], ['proctor']);
    await session.check();
    await session.logout();
    expect(calls).toContain('POST /api/auth/logout');
    expect(session.gate).toBe('login');
    expect(session.me).toBeNull();
    await session.check();
    failLogout();
    await session.logout();
    expect(session.gate).toBe('login');
  });
});
