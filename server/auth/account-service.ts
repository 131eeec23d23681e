import type { LecternDb } from '../db/open-database.js';
import type { StaffRole } from '../db/schema/accounts.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AccountView } from '../contract/admin.js';
import { transaction } from '../db/connection.js';
import { userError } from '../errors.js';
import { AccountsRepo, type AccountRow } from './accounts.repo.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

export type { AccountView };

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
}

/** Staff accounts: what the admin pages and the console (first admin, demo, password recovery) do with them. */
export class AccountService {
  private readonly repo: AccountsRepo;
  private readonly db: LecternDb;

  constructor(
    db: LecternDb,
    private readonly audit: AuditLog,
  ) {
    this.db = db;
    this.repo = new AccountsRepo(db);
  }

  list(): AccountView[] {
    return this.repo.list().map((a) => this.view(a));
  }

  /** An admin creates an account; the user name is stored in lower case and must be free. */
  async create(input: NewAccount, adminAccountId: number, now = Date.now()): Promise<AccountView> {
    const username = input.username.toLowerCase();
    if (this.repo.byUsername(username)) throw userError(409, 'username-taken', `The user name "${username}" is already taken.`);
    const passwordHash = await hashPassword(input.password);
    // The account and its audit row commit together, or neither does.
    const row = transaction(this.db, () => {
      const inserted = this.repo.insert({ username, displayName: input.displayName.trim(), role: input.role, passwordHash, createdAt: now });
      this.audit.append({ actorKind: 'account', actorId: adminAccountId, action: 'account.created', detail: { username, role: inserted.role } }, now);
      return inserted;
    })();
    return this.view(row);
  }

  hasAdmin(): boolean {
    return this.repo.hasRole('admin');
  }

  /**
   * Disables (its open login sessions end at once) or enables an account again. An admin cannot
   * disable themselves, nor the last admin who can log in: nobody could administer Lectern.
   */
  setDisabled(accountId: number, disabled: boolean, adminAccountId: number, now = Date.now()): AccountView {
    const a = this.requireAccount(accountId);
    if (disabled) {
      if (a.disabledAt !== null) throw userError(409, 'already-disabled', `The account "${a.username}" is already disabled.`, { username: a.username });
      if (a.id === adminAccountId) throw userError(409, 'cannot-disable-self', 'You cannot disable your own account: ask another admin.');
      if (a.role === 'admin' && this.repo.enabledCount('admin') <= 1) throw userError(409, 'last-admin', 'This is the last admin who can log in: create or enable another admin first.');
    } else if (a.disabledAt === null) throw userError(409, 'not-disabled', `The account "${a.username}" is not disabled.`, { username: a.username });
    transaction(this.db, () => {
      this.repo.setDisabled(a.id, disabled ? now : null);
      const ended = disabled ? this.repo.revokeSessions(a.id, now) : 0;
      this.audit.append({ actorKind: 'account', actorId: adminAccountId, action: disabled ? 'account.disabled' : 'account.enabled', detail: { username: a.username, sessionsEnded: ended } }, now);
    })();
    return this.view(this.requireAccount(a.id));
  }

  /** A new password for the account, returned once (only its hash is kept); its open sessions end. */
  async resetPassword(accountId: number, adminAccountId: number, now = Date.now()): Promise<{ username: string; password: string }> {
    const a = this.requireAccount(accountId);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    transaction(this.db, () => {
      this.repo.setPassword(a.id, passwordHash);
      const ended = this.repo.revokeSessions(a.id, now);
      this.audit.append({ actorKind: 'account', actorId: adminAccountId, action: 'account.password-reset', detail: { username: a.username, by: 'admin', sessionsEnded: ended } }, now);
    })();
    return { username: a.username, password };
  }

  /**
   * From the server's console (`npm run admin -- reset-password <user>`): a new password, and the
   * account enabled again (a locked-out admin is the reason this exists). An unknown user name is
   * a clear refusal.
   */
  async resetPasswordFromConsole(username: string, now = Date.now()): Promise<{ username: string; password: string; wasDisabled: boolean }> {
    const a = this.repo.byUsername(username.trim().toLowerCase());
    if (!a) throw userError(404, 'unknown-username', `There is no account "${username}". The accounts are: ${this.repo.list().map((r) => r.username).join(', ') || 'none'}.`);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    transaction(this.db, () => {
      this.repo.setPassword(a.id, passwordHash);
      this.repo.setDisabled(a.id, null);
      const ended = this.repo.revokeSessions(a.id, now);
      this.audit.append({ actorKind: 'system', action: 'account.password-reset', detail: { username: a.username, by: 'console', sessionsEnded: ended, enabledAgain: a.disabledAt !== null } }, now);
    })();
    return { username: a.username, password, wasDisabled: a.disabledAt !== null };
  }

  /** Ends every open login session of the account (a forgotten logout on a shared machine). */
  endSessions(accountId: number, adminAccountId: number, now = Date.now()): number {
    const a = this.requireAccount(accountId);
    return transaction(this.db, () => {
      const ended = this.repo.revokeSessions(a.id, now);
      this.audit.append({ actorKind: 'account', actorId: adminAccountId, action: 'account.sessions-ended', detail: { username: a.username, sessionsEnded: ended } }, now);
      return ended;
    })();
  }

  /** Deletes an account created by mistake. One that supervised or graded is part of the record: refused, disable it. */
  delete(accountId: number, adminAccountId: number, now = Date.now()): void {
    const a = this.requireAccount(accountId);
    if (a.id === adminAccountId) throw userError(409, 'cannot-delete-self', 'You cannot delete your own account.');
    if (this.repo.hasWork(a.id)) {
      throw userError(409, 'account-has-work', `The account "${a.username}" has supervised or graded: it stays in the record. Disable it instead.`, { username: a.username });
    }
    if (a.role === 'admin' && a.disabledAt === null && this.repo.enabledCount('admin') <= 1) throw userError(409, 'last-admin', 'This is the last admin who can log in: create or enable another admin first.');
    transaction(this.db, () => {
      this.repo.delete(a.id);
      this.audit.append({ actorKind: 'account', actorId: adminAccountId, action: 'account.deleted', detail: { username: a.username, role: a.role } }, now);
    })();
  }

  /** A staff member changes their own password; their other login sessions end, this one stays. */
  async changeOwnPassword(accountId: number, currentPassword: string, newPassword: string, keepTokenHash: string, now = Date.now()): Promise<void> {
    const a = this.requireAccount(accountId);
    if (!(await verifyPassword(currentPassword, a.passwordHash))) throw userError(400, 'wrong-current-password', 'The current password is wrong.');
    if (newPassword === currentPassword) throw userError(400, 'same-password', 'The new password must differ from the current one.');
    const passwordHash = await hashPassword(newPassword);
    transaction(this.db, () => {
      this.repo.setPassword(a.id, passwordHash);
      const ended = this.repo.revokeSessions(a.id, now, keepTokenHash);
      this.audit.append({ actorKind: 'account', actorId: a.id, action: 'account.password-changed', detail: { username: a.username, sessionsEnded: ended } }, now);
    })();
  }

  /**
   * The proctors or correctors named for a session: each an existing, enabled account of that
   * role. A wrong id is the admin's typing mistake, told as such (never a foreign-key failure).
   */
  requireStaffOfRole(ids: readonly number[], role: 'proctor' | 'corrector'): void {
    for (const id of ids) {
      const a = this.repo.byId(id);
      if (!a) throw userError(400, 'unknown-account', `There is no account with id ${id}.`, { accountId: id });
      if (a.role !== role) throw userError(400, `not-a-${role}`, `The account "${a.username}" is a ${a.role}, not a ${role}.`, { accountId: id, username: a.username });
      if (a.disabledAt !== null) throw userError(400, 'account-disabled', `The account "${a.username}" is disabled: enable it first, or choose another.`, { accountId: id, username: a.username });
    }
  }

  /** Called by the staff login once it succeeded. */
  recordLogin(accountId: number, now = Date.now()): void {
    this.repo.setLastLogin(accountId, now);
  }

  /** The account of each id, or a 404 that names it. */
  requireAccount(accountId: number): AccountRow {
    const a = this.repo.byId(accountId);
    if (!a) throw userError(404, 'unknown-account', `There is no account with id ${accountId}.`, { accountId });
    return a;
  }

  /**
   * From the console (first start, `--demo`): creates the account, or resets the password and
   * role of an existing one and enables it again. Returns the account's id.
   */
  async upsertFromConsole(username: string, displayName: string, role: StaffRole, password: string, now = Date.now()): Promise<number> {
    const passwordHash = await hashPassword(password);
    const existing = this.repo.byUsername(username);
    if (existing) {
      this.repo.reset(existing.id, { passwordHash, role });
      this.audit.append({ actorKind: 'system', action: 'account.password-reset', detail: { username, reason: 'demo' } });
      return existing.id;
    }
    const row = this.repo.insert({ username, displayName, role, passwordHash, createdAt: now });
    this.audit.append({ actorKind: 'system', action: 'account.created', detail: { username, role } });
    return row.id;
  }

  private view(a: AccountRow): AccountView {
    return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, disabled: a.disabledAt !== null, lastLoginAt: a.lastLoginAt, hasWork: this.repo.hasWork(a.id) };
  }
}
