import type { LecternDb } from '../db/open-database.js';
import type { Principal } from '../auth/auth-service.js';
import { userError } from '../errors.js';
import { SessionStaffRepo } from './access.repo.js';

/** Who may supervise a session: an admin, or a proctor assigned to it. */
export class SessionAccess {
  private readonly staff: SessionStaffRepo;

  constructor(db: LecternDb) {
    this.staff = new SessionStaffRepo(db);
  }

  maySupervise(principal: Principal | null, sessionId: number): boolean {
    if (!principal || principal.kind !== 'staff') return false;
    if (principal.role === 'admin') return true;
    return principal.role === 'proctor' && this.staff.isProctorOf(sessionId, principal.accountId);
  }

  /** Throws the error a person can act on when the principal may not supervise the session. */
  requireSupervisor(principal: Principal | null, sessionId: number): void {
    if (this.maySupervise(principal, sessionId)) return;
    if (!principal) throw userError(401, 'not-logged-in', 'You are not logged in, or your session has expired: log in again.');
    if (principal.kind !== 'staff' || (principal.role !== 'admin' && principal.role !== 'proctor')) {
      throw userError(403, 'forbidden', 'This needs the role admin or proctor.');
    }
    throw userError(403, 'not-your-session', 'You are not a proctor of this session.');
  }
}
