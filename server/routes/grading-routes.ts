import { staffOf } from './principal.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type, type Static } from '@sinclair/typebox';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradingService } from '../grading/grading-service.js';
import { juryCsv, juryHtml } from '../grading/jury-export.js';
import { projectRoot } from '../paths.js';
import type { CompetenceJudgement, InterpretationJudgement, KeyPointJudgement } from '../db/schema/grading.js';
import { Empty } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import {
  AnswerMarkBody,
  ClosedResult,
  DistributionBody,
  FinishResult,
  GradingSessionSummary,
  JuryQuery,
  MarkSaveResult,
  OverviewView,
  ReadingsView,
  ResultsView,
  ScriptMarkBody,
  ScriptParams,
  SessionParams,
  ThirdReadingBody,
  WorkspaceView,
} from '../contract/grading.js';

const staff = staffOf;
/** The admin behind a request, as grading records them in the audit log. */
const admin = (request: FastifyRequest) => ({ kind: 'account' as const, id: staff(request).accountId });

/**
 * Grading: correctors grade the scripts assigned to them under candidate codes only; admins share
 * scripts out, choose third readers, close grading and export the results for the jury (the only
 * place where names are joined to codes, after grading is closed).
 */
async function gradingRoutes(app: FastifyInstance) {
  const { grading } = app;
  correctorRoutes(app, grading);
  markRoutes(app, grading);
  readingRoutes(app, grading);
  adminRoutes(app, grading);
  juryRoutes(app, grading);
}

/** The corrector's sessions and workspace. */
function correctorRoutes(app: FastifyInstance, grading: GradingService) {
  const corrector = app.requireStaff('corrector');

  app.get(
    '/api/grading/sessions',
    { preHandler: app.requireStaff('admin', 'corrector'), schema: { summary: 'Sessions to grade: a corrector sees those assigned to them, an admin all', response: { 200: Type.Array(GradingSessionSummary), ...errors(401, 403) } } },
    async (request) => {
      const p = staff(request);
      return grading.summaries(p.accountId, p.role === 'admin' ? 'admin' : 'corrector');
    },
  );

  app.get<{ Params: Static<typeof SessionParams> }>(
    '/api/grading/sessions/:id/workspace',
    { preHandler: corrector, schema: { summary: "The corrector's scripts, questions, passages and rubrics", params: SessionParams, response: { 200: WorkspaceView, ...errors(401, 403, 404, 409) } } },
    async (request) => {
      const p = staff(request);
      return grading.workspace(request.params.id, p.accountId, p.displayName);
    },
  );
}

/** Saving marks: one answer's judgement, and one script's. */
function markRoutes(app: FastifyInstance, grading: GradingService) {
  const corrector = app.requireStaff('corrector');

  app.post<{ Params: Static<typeof SessionParams>; Body: Static<typeof AnswerMarkBody> }>(
    '/api/grading/sessions/:id/answer-marks',
    {
      preHandler: corrector,
      schema: {
        summary: 'Saves the judgement of one answer (acknowledged once committed; revisions as for answers)',
        params: SessionParams,
        body: AnswerMarkBody,
        response: { 200: MarkSaveResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      return grading.saveAnswerMark(request.params.id, staff(request).accountId, {
        ...b,
        keyPoints: b.keyPoints as Record<string, KeyPointJudgement>,
        interpretation: b.interpretation as InterpretationJudgement | null,
      });
    },
  );

  app.post<{ Params: Static<typeof SessionParams>; Body: Static<typeof ScriptMarkBody> }>(
    '/api/grading/sessions/:id/script-marks',
    {
      preHandler: corrector,
      schema: {
        summary: 'Saves the writing bands, competence judgements and comment of one script',
        params: SessionParams,
        body: ScriptMarkBody,
        response: { 200: MarkSaveResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      return grading.saveScriptMark(request.params.id, staff(request).accountId, {
        ...b,
        competence: b.competence as Record<string, Record<string, CompetenceJudgement>>,
      });
    },
  );
}

/** Finishing and reopening one's reading of a script, and seeing the other readings. */
function readingRoutes(app: FastifyInstance, grading: GradingService) {
  const corrector = app.requireStaff('corrector');

  app.post<{ Params: Static<typeof ScriptParams> }>(
    '/api/grading/sessions/:id/scripts/:candidateId/finish',
    { preHandler: corrector, schema: { summary: 'Finishes my reading of a script (every judgement made)', params: ScriptParams, body: Type.Optional(Empty), response: { 200: FinishResult, ...errors(401, 403, 404, 409) } } },
    async (request) => grading.finish(request.params.id, staff(request).accountId, request.params.candidateId),
  );

  app.post<{ Params: Static<typeof ScriptParams> }>(
    '/api/grading/sessions/:id/scripts/:candidateId/reopen',
    { preHandler: corrector, schema: { summary: 'Reopens my reading of a script, while the other reading is not finished', params: ScriptParams, body: Type.Optional(Empty), response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } } },
    async (request, reply) => {
      grading.reopen(request.params.id, staff(request).accountId, request.params.candidateId);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Static<typeof ScriptParams> }>(
    '/api/grading/sessions/:id/scripts/:candidateId/readings',
    {
      preHandler: app.requireStaff('admin', 'corrector'),
      schema: { summary: 'The other readings of a script: for a corrector, once both readings are finished', params: ScriptParams, response: { 200: ReadingsView, ...errors(401, 403, 404) } },
    },
    async (request) => {
      const p = staff(request);
      return grading.readings(request.params.id, p.role === 'admin' ? null : p.accountId, request.params.candidateId);
    },
  );
}

/** The admin's side: the overview, sharing scripts out, third readers, closing and the results. */
function adminRoutes(app: FastifyInstance, grading: GradingService) {
  const adminOnly = app.requireStaff('admin');

  app.get<{ Params: Static<typeof SessionParams> }>(
    '/api/grading/sessions/:id/overview',
    { preHandler: adminOnly, schema: { summary: 'Scripts, readers, disagreements and agreement of a session', params: SessionParams, response: { 200: OverviewView, ...errors(401, 403, 404, 409) } } },
    async (request) => grading.overview(request.params.id),
  );

  app.post<{ Params: Static<typeof SessionParams>; Body: Static<typeof DistributionBody> }>(
    '/api/grading/sessions/:id/distribution',
    { preHandler: adminOnly, schema: { summary: 'Chooses the correctors and shares the scripts out (until the first grade)', params: SessionParams, body: DistributionBody, response: { 200: OverviewView, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      grading.distribute(request.params.id, request.body, admin(request));
      return grading.overview(request.params.id);
    },
  );

  app.post<{ Params: Static<typeof SessionParams>; Body: Static<typeof ThirdReadingBody> }>(
    '/api/grading/sessions/:id/third-readings',
    { preHandler: adminOnly, schema: { summary: 'Gives scripts whose readings disagree to a third corrector', params: SessionParams, body: ThirdReadingBody, response: { 200: OverviewView, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      grading.assignThirdReading(request.params.id, request.body.candidateIds, request.body.correctorId, admin(request));
      return grading.overview(request.params.id);
    },
  );

  app.post<{ Params: Static<typeof SessionParams> }>(
    '/api/grading/sessions/:id/close',
    { preHandler: adminOnly, schema: { summary: 'Closes grading once every script is settled', params: SessionParams, body: Type.Optional(Empty), response: { 200: ClosedResult, ...errors(401, 403, 404, 409) } } },
    async (request) => ({ gradingClosedAt: grading.close(request.params.id, admin(request)) }),
  );

  app.get<{ Params: Static<typeof SessionParams> }>(
    '/api/grading/sessions/:id/results',
    { preHandler: adminOnly, schema: { summary: 'Results per candidate code, without names', params: SessionParams, response: { 200: ResultsView, ...errors(401, 403, 404, 409) } } },
    async (request) => grading.results(request.params.id, { named: false }),
  );
}

/** The jury export (names joined, for an admin, once grading is closed) and its stylesheet. */
function juryRoutes(app: FastifyInstance, grading: GradingService) {
  const adminOnly = app.requireStaff('admin');
  const juryStylesheet = readFileSync(join(projectRoot, 'server', 'grading', 'jury.css'), 'utf8');

  app.get<{ Params: Static<typeof SessionParams>; Querystring: Static<typeof JuryQuery> }>(
    '/api/grading/sessions/:id/jury.json',
    { preHandler: adminOnly, schema: { summary: 'Jury export as JSON, with names (admin, grading closed)', params: SessionParams, querystring: JuryQuery, response: { 200: ResultsView, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => {
      const results = grading.juryResults(request.params.id, staff(request).accountId, 'json');
      if (request.query.download) reply.header('content-disposition', `attachment; filename="${grading.juryFileName(request.params.id, 'json')}"`);
      return results;
    },
  );

  app.get<{ Params: Static<typeof SessionParams>; Querystring: Static<typeof JuryQuery> }>(
    '/api/grading/sessions/:id/jury.csv',
    {
      preHandler: adminOnly,
      schema: { summary: 'Jury export as CSV for a French spreadsheet (UTF-8 with BOM, semicolons, CRLF), with names', params: SessionParams, querystring: JuryQuery, response: { 200: Type.String(), ...errors(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      const csv = juryCsv(grading.juryResults(request.params.id, staff(request).accountId, 'csv'), request.query.lang ?? 'fr');
      reply.header('content-disposition', `attachment; filename="${grading.juryFileName(request.params.id, 'csv')}"`);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );

  app.get<{ Params: Static<typeof SessionParams>; Querystring: Static<typeof JuryQuery> }>(
    '/api/grading/sessions/:id/jury.html',
    {
      preHandler: adminOnly,
      schema: { summary: 'Printable jury report, one page per candidate, with names', params: SessionParams, querystring: JuryQuery, response: { 200: Type.String(), ...errors(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      const html = juryHtml(grading.juryResults(request.params.id, staff(request).accountId, 'html'), request.query.lang ?? 'fr');
      reply.header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get('/api/grading/jury.css', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/css; charset=utf-8').send(juryStylesheet);
  });
}

export default fp(gradingRoutes, { name: 'lectern-grading-routes', dependencies: ['lectern-grading', 'lectern-authentication'] });
