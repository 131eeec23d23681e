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
  /**
   * Compared against when the user name is unknown, so both cases take the same time. Hashed at
   * the first login, not at start-up: a full-strength scrypt takes seconds on a loaded machine,
   * and a restart in the middle of an exam must answer within 3 s.
   */
  private dummyHash: Promise<string> | null = null;

  private constructor(
    db: LecternDb,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
  ) {
    this.accounts = new AccountsRepo(db);
  }

  static create(db: LecternDb, auth: AuthService, audit: AuditLog): Promise<StaffLogins> {
    return Promise.resolve(new StaffLogins(db, auth, audit));
  }

  private timingEqualiser(): Promise<string> {
    this.dummyHash ??= hashPassword('lectern-timing-equaliser');
    return this.dummyHash;
  }

  /** The new login session's tokens, or null (audited) for a wrong name, password or a disabled account. */
  async logIn(attempt: StaffLoginAttempt): Promise<{ token: string; csrfToken: string } | null> {
    const { username, address } = attempt;
    const account = this.accounts.byUsername(username);
    const ok = await verifyPassword(attempt.password, account?.passwordHash ?? (await this.timingEqualiser()));
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
