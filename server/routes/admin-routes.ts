import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
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
    async () => app.accounts.list(),
  );

  app.post<{ Body: Static<typeof NewAccount> }>(
    '/api/admin/accounts',
    { preHandler: app.requireStaff('admin'), schema: { summary: 'Creates a staff account', body: NewAccount, response: { 200: AccountView, ...errors(400, 401, 403, 409) } } },
    async (request) => {
      const admin = request.principal;
      // requireStaff('admin') has run: this only narrows the type.
      if (admin?.kind !== 'staff') throw userError(403, 'forbidden', 'This needs the role admin.');
      return app.accounts.create(request.body, admin.accountId);
    },
  );
}
