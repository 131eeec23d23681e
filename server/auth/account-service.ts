import type { LecternDb } from '../db/open-database.js';
import type { StaffRole } from '../db/schema/accounts.js';
import type { AuditLog } from '../audit/audit-log.js';
import { transaction } from '../db/connection.js';
import { userError } from '../errors.js';
import { AccountsRepo, type AccountRow } from './accounts.repo.js';
import { hashPassword } from './passwords.js';

/** A staff account as the admin pages list it: never its password hash. */
export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  disabled: boolean;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
}

const view = (a: AccountRow): AccountView => ({ id: a.id, username: a.username, displayName: a.displayName, role: a.role, disabled: a.disabledAt !== null });

/** Staff accounts: what the admin pages and the console (first admin, demo) do with them. */
export class AccountService {
  private readonly repo: AccountsRepo;
  private readonly insertAudited;

  constructor(
    db: LecternDb,
    private readonly audit: AuditLog,
  ) {
    this.repo = new AccountsRepo(db);
    // The account and its audit row commit together, or neither does.
    this.insertAudited = transaction(db, (values: Parameters<AccountsRepo['insert']>[0], actorId: number) => {
      const row = this.repo.insert(values);
      this.audit.append({ actorKind: 'account', actorId, action: 'account.created', detail: { username: row.username, role: row.role } });
      return row;
    });
  }

  list(): AccountView[] {
    return this.repo.list().map(view);
  }

  /** An admin creates an account; the user name is stored in lower case and must be free. */
  async create(input: NewAccount, adminAccountId: number, now = Date.now()): Promise<AccountView> {
    const username = input.username.toLowerCase();
    if (this.repo.byUsername(username)) throw userError(409, 'username-taken', `The user name "${username}" is already taken.`);
    const passwordHash = await hashPassword(input.password);
    const row = this.insertAudited({ username, displayName: input.displayName.trim(), role: input.role, passwordHash, createdAt: now }, adminAccountId);
    return view(row);
  }

  hasAdmin(): boolean {
    return this.repo.hasRole('admin');
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
}
