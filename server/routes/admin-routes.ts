import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { errors } from '../contract/errors.js';
import { Done, IdParams } from '../contract/common.js';
import { AccountStatusChange, AccountView, NewAccount, OwnPasswordChange, PackList, PasswordResetView, SessionsEndedView } from '../contract/admin.js';
import { staffOf } from './principal.js';

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
        ...(p.forms ? { forms: p.forms.map((f) => ({ id: f.id, title: f.title, retired: app.examForms.isRetired(p.id, f.id) })) } : {}),
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
    async (request) => app.accounts.create(request.body, staffOf(request).accountId),
  );
  accountManagementRoutes(app);
  ownPasswordRoute(app);
}

/** Disable or enable, reset a password (shown once), end open sessions, delete one made by mistake. */
function accountManagementRoutes(app: FastifyInstance) {
  const admin = app.requireStaff('admin');
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof AccountStatusChange> }>(
    '/api/admin/accounts/:id',
    { preHandler: admin, schema: { summary: 'Disables or enables an account again', params: IdParams, body: AccountStatusChange, response: { 200: AccountView, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => app.accounts.setDisabled(request.params.id, request.body.disabled, staffOf(request).accountId),
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/admin/accounts/:id/password-reset',
    { preHandler: admin, schema: { summary: 'A new password for the account, shown once', params: IdParams, response: { 200: PasswordResetView, ...errors(401, 403, 404) } } },
    async (request, reply) => {
      // The password is in this answer only: no cache keeps it.
      reply.header('cache-control', 'no-store');
      return app.accounts.resetPassword(request.params.id, staffOf(request).accountId);
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/admin/accounts/:id/end-sessions',
    { preHandler: admin, schema: { summary: 'Ends every open login session of the account', params: IdParams, response: { 200: SessionsEndedView, ...errors(401, 403, 404) } } },
    async (request) => ({ ended: app.accounts.endSessions(request.params.id, staffOf(request).accountId) }),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/admin/accounts/:id',
    { preHandler: admin, schema: { summary: 'Deletes an account that never supervised nor graded', params: IdParams, response: { 200: Done, ...errors(401, 403, 404, 409) } } },
    async (request) => {
      app.accounts.delete(request.params.id, staffOf(request).accountId);
      return { ok: true as const };
    },
  );
}

/** Every staff member changes their own password. */
function ownPasswordRoute(app: FastifyInstance) {
  app.post<{ Body: Static<typeof OwnPasswordChange> }>(
    '/api/auth/password',
    { preHandler: app.requireStaff('admin', 'proctor', 'corrector'), schema: { summary: 'Changes my own password; my other login sessions end', body: OwnPasswordChange, response: { 200: Done, ...errors(400, 401, 403) } } },
    async (request) => {
      const me = staffOf(request);
      await app.accounts.changeOwnPassword(me.accountId, request.body.currentPassword, request.body.newPassword, me.tokenHash);
      return { ok: true as const };
    },
  );
}
