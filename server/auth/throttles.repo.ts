import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { loginThrottles, type ThrottleKind } from '../db/schema/throttles.js';

export type ThrottleRow = typeof loginThrottles.$inferSelect;
export type NewThrottleRow = Omit<typeof loginThrottles.$inferInsert, 'id'>;

/** The stored failure counts of logins. Written once per failed login, never per success of a candidate. */
export class ThrottlesRepo {
  constructor(private readonly db: LecternDb) {}

  byKey(key: string): ThrottleRow | undefined {
    return this.db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  }

  byId(id: number): ThrottleRow | undefined {
    return this.db.select().from(loginThrottles).where(eq(loginThrottles.id, id)).get();
  }

  /** Writes a key's count, creating its row the first time. */
  save(row: NewThrottleRow): void {
    const { key, ...rest } = row;
    this.db.insert(loginThrottles).values(row).onConflictDoUpdate({ target: loginThrottles.key, set: rest }).run();
  }

  deleteByKey(key: string): void {
    this.db.delete(loginThrottles).where(eq(loginThrottles.key, key)).run();
  }

  deleteById(id: number): boolean {
    return this.db.delete(loginThrottles).where(eq(loginThrottles.id, id)).run().changes > 0;
  }

  /** Rows of one session (its own keys, and addresses whose last failure was against it). */
  forSession(sessionId: number): ThrottleRow[] {
    return this.db.select().from(loginThrottles).where(eq(loginThrottles.sessionId, sessionId)).orderBy(asc(loginThrottles.id)).all();
  }

  ofKinds(kinds: ThrottleKind[]): ThrottleRow[] {
    return this.db.select().from(loginThrottles).where(inArray(loginThrottles.kind, kinds)).orderBy(asc(loginThrottles.id)).all();
  }

  /** How many rows of a kind a session has: the candidate codes typed are capped per session. */
  countOf(kind: ThrottleKind, sessionId: number): number {
    return this.db.select({ n: count() }).from(loginThrottles).where(and(eq(loginThrottles.kind, kind), eq(loginThrottles.sessionId, sessionId))).get()?.n ?? 0;
  }

  /** Forgets every count whose last failure is older than `before`: the table stays bounded. */
  prune(before: number): number {
    return this.db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, before)).run().changes;
  }
}
