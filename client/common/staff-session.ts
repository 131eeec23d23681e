// Who is logged in on a staff page (admin, proctor, grading) and whether their role may use it:
// the login gate, the role check and the logout, once for the three pages. No DOM: the API client
// is passed in, so the gate is unit-tested in Node (test/client/common/staff-session.test.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MeView } from '../../server/contract/auth.js';
import { ApiError } from './api.js';

export type StaffRole = 'admin' | 'proctor' | 'corrector';

/** What the page shows: a loading line, the login form, a wrong-role alert, itself, or why it could not ask. */
export type StaffGate = 'loading' | 'login' | 'wrong-role' | 'ready' | 'failed';

export interface StaffApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  setCsrfToken(token: string | null): void;
}

export interface StaffSessionOptions {
  api: StaffApi;
  /** The roles the page is for. */
  roles: readonly StaffRole[];
  /** What the page loads before it is shown to an allowed user (the admin's content packs). */
  prepare?: (me: MeView) => Promise<void>;
}

export class StaffSession implements ReactiveController {
  private _gate: StaffGate = 'loading';
  private _me: MeView | null = null;
  private _error: unknown = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StaffSessionOptions,
  ) {
    host.addController(this);
  }

  get gate(): StaffGate {
    return this._gate;
  }

  /** The user logged in, also when their role does not fit the page (the header shows who they are). */
  /** The page's client: the staff header's own-password form posts through it. */
  get api(): StaffApi {
    return this.options.api;
  }

  get me(): MeView | null {
    return this._me;
  }

  /** Why asking who is logged in failed (gate `failed`): not a missing login, the server or the network. */
  get error(): unknown {
    return this._error;
  }

  hostConnected(): void {
    void this.check();
  }

  hostDisconnected(): void {}

  /** Asks the server who is logged in (at start, and after the login form succeeded). */
  async check(): Promise<void> {
    const { api, roles, prepare } = this.options;
    try {
      const me = await api.get<MeView>('/api/auth/me');
      api.setCsrfToken(me.csrfToken);
      this._me = me;
      const allowed = me.kind === 'staff' && (roles as readonly string[]).includes(me.role);
      if (allowed) await prepare?.(me);
      this.show(allowed ? 'ready' : 'wrong-role');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this._me = null;
        this.show('login');
      } else {
        this._error = error;
        this.show('failed');
      }
    }
  }

  /** Logs out; the page shows the login form even if the server could not be told. */
  async logout(): Promise<void> {
    try {
      await this.options.api.post('/api/auth/logout', {});
    } catch {
      // The session cookie expires on its own; this workstation forgets the user now.
    } finally {
      this._me = null;
      this.show('login');
    }
  }

  private show(gate: StaffGate): void {
    this._gate = gate;
    this.host.requestUpdate();
  }
}
