import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Static } from '@sinclair/typebox';
import { Done } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { FormParams, FormsView, RetireForm } from '../contract/forms.js';
import { accountActor } from './principal.js';

/** Parallel forms (admins only): each form's state and the exposure log; retiring a form. */
async function formRoutes(app: FastifyInstance) {
  const adminOnly = app.requireStaff('admin');

  app.get('/api/admin/forms', { preHandler: adminOnly, schema: { summary: 'The forms of each pack with parallel forms, and the exposure log (which form ran where and when)', response: { 200: FormsView, ...errors(401, 403) } } }, async () =>
    app.examForms.view(),
  );

  app.post<{ Params: Static<typeof FormParams>; Body: Static<typeof RetireForm> }>(
    '/api/admin/forms/:packId/:formId/retire',
    { preHandler: adminOnly, schema: { summary: 'Retires a form: no new session may run it (audited)', params: FormParams, body: RetireForm, response: { 200: Done, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      app.examForms.retire(request.params.packId, request.params.formId, request.body.reason, accountActor(request));
      return { ok: true as const };
    },
  );
}

export default fp(formRoutes, { name: 'lectern-form-routes', dependencies: ['lectern-exam-services', 'lectern-authentication'] });
