import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthService } from './auth-service.js';
import { AccountsRepo } from './accounts.repo.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface StaffLoginAttempt {
  /** Already trimmed and in lower case. */
  username: string;
  password: string;
  address: string;
}

/** A staff login: checks the password, opens the login session and audits either outcome. */
export class StaffLogins {
  private readonly accounts: AccountsRepo;

  private constructor(
    db: LecternDb,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
    /** Compared against when the user name is unknown, so both cases take the same time. */
    private readonly dummyHash: string,
  ) {
    this.accounts = new AccountsRepo(db);
  }

  static async create(db: LecternDb, auth: AuthService, audit: AuditLog): Promise<StaffLogins> {
    return new StaffLogins(db, auth, audit, await hashPassword('lectern-timing-equaliser'));
  }

  /** The new login session's tokens, or null (audited) for a wrong name, password or a disabled account. */
  async logIn(attempt: StaffLoginAttempt): Promise<{ token: string; csrfToken: string } | null> {
    const { username, address } = attempt;
    const account = this.accounts.byUsername(username);
    const ok = await verifyPassword(attempt.password, account?.passwordHash ?? this.dummyHash);
    if (!account || !ok || account.disabledAt !== null) {
      this.audit.append({ actorKind: 'system', action: 'staff.login-failed', detail: { username, address } });
      return null;
    }
    const opened = this.auth.open({ accountId: account.id }, address);
    this.recordLastLogin(account.id);
    this.audit.append({ actorKind: 'account', actorId: account.id, action: 'staff.logged-in', detail: { address } });
    return opened;
  }

  /** The admin's accounts page shows when each account last logged in (an unused account stands out). */
  private recordLastLogin(accountId: number, now = Date.now()): void {
    this.accounts.setLastLogin(accountId, now);
  }
}
