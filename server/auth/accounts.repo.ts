import { asc, eq } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { accounts, type StaffRole } from '../db/schema/accounts.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

/** Staff accounts, through drizzle's query builder: none of these runs per keystroke. */
export class AccountsRepo {
  constructor(private readonly db: LecternDb) {}

  /** Every account, by user name. */
  list(): AccountRow[] {
    return this.db.select().from(accounts).orderBy(asc(accounts.username)).all();
  }

  byUsername(username: string): AccountRow | undefined {
    return this.db.select().from(accounts).where(eq(accounts.username, username)).get();
  }

  /** Whether any account has this role (a fresh database has no admin yet). */
  hasRole(role: StaffRole): boolean {
    return this.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.role, role)).get() !== undefined;
  }

  insert(values: NewAccountRow): AccountRow {
    return this.db.insert(accounts).values(values).returning().get();
  }

  /** A new password and role, and the account enabled again. */
  reset(accountId: number, values: { passwordHash: string; role: StaffRole }): void {
    this.db.update(accounts).set({ ...values, disabledAt: null }).where(eq(accounts.id, accountId)).run();
  }
}
