import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.js';
import { hashPassword } from '../auth/passwords.js';
import { userError } from '../errors.js';
import { errors } from '../contract/errors.js';
import { AccountView, NewAccount, PackList } from '../contract/admin.js';

export default async function adminRoutes(app: FastifyInstance) {
  app.get(
    '/api/packs',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'Content packs that can be used, and the problems of those that cannot', response: { 200: PackList, ...errors(401, 403) } } },
    async () => ({
      packs: app.packs.list().map((p) => ({
        id: p.id,
        title: p.title,
        certification: p.certification,
        durationMinutes: p.durationMinutes,
        sections: p.sections.length,
        questions: p.sections.reduce((n, s) => n + s.questions.length, 0),
        digest: p.digest,
      })),
      problems: app.packs.problems,
    }),
  );

  app.get(
    '/api/admin/accounts',
    { preHandler: app.requireStaff('admin'), schema: { summary: 'Staff accounts', response: { 200: Type.Array(AccountView), ...errors(401, 403) } } },
    async () =>
      app.db.select().from(accounts).orderBy(asc(accounts.username)).all().map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, role: a.role, disabled: a.disabledAt !== null })),
  );

  app.post<{ Body: Static<typeof NewAccount> }>(
    '/api/admin/accounts',
    { preHandler: app.requireStaff('admin'), schema: { summary: 'Creates a staff account', body: NewAccount, response: { 200: AccountView, ...errors(400, 401, 403, 409) } } },
    async (request) => {
      const username = request.body.username.toLowerCase();
      if (app.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get()) {
        throw userError(409, 'username-taken', `The user name "${username}" is already taken.`);
      }
      const passwordHash = await hashPassword(request.body.password);
      const admin = request.principal as { accountId: number };
      const created = app.db.$client.transaction(() => {
        const row = app.db
          .insert(accounts)
          .values({ username, displayName: request.body.displayName.trim(), role: request.body.role, passwordHash, createdAt: Date.now() })
          .returning()
          .get();
        app.audit.append({ actorKind: 'account', actorId: admin.accountId, action: 'account.created', detail: { username, role: row.role } });
        return row;
      })();
      return { id: created.id, username: created.username, displayName: created.displayName, role: created.role, disabled: false };
    },
  );
}
