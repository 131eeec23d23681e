import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '../errors.js';
import { formatCode } from '../contract/rules/code-format.js';
import type { ExamService, ExamSessionRow, NewCandidate } from '../exam/exam-service.js';
import { Empty, IdParams } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { NewSession, SessionDetail, SessionSummary } from '../contract/sessions.js';
import type { Pack } from '../content/pack-types.js';
import { LangQuery } from '../contract/proctor.js';
import { candidateListCsv, candidatesFromFile } from '../exam/sessions-list.js';

import { accountActor, staffOf } from './principal.js';

/** Sessions: admins see and run all of them; a proctor those they supervise. */
export default async function sessionRoutes(app: FastifyInstance) {
  sessionListRoutes(app);
  sessionLifecycleRoutes(app);
}

/** The session, if the logged-in staff member may run it. */
function runnable(app: FastifyInstance, request: FastifyRequest, id: number): ExamSessionRow {
  const s = app.exam.requireSession(id);
  if (app.proctor.access.maySupervise(request.principal, id)) return s;
  throw userError(403, 'not-your-session', 'You are not a proctor of this session.');
}

function summaryOf(exam: ExamService, s: ExamSessionRow): SessionSummary {
  return {
    id: s.id,
    code: formatCode(s.code),
    title: s.title,
    room: s.room,
    scheduledAt: s.scheduledAt,
    packId: s.packId,
    formId: s.formId,
    pilot: s.pilot,
    state: s.state,
    durationMs: s.durationMs,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    candidateCount: exam.candidateCount(s.id),
  };
}

function detailOf(exam: ExamService, s: ExamSessionRow): SessionDetail {
  return {
    ...summaryOf(exam, s),
    candidates: exam.candidates(s.id).map((c) => ({ id: c.id, code: formatCode(c.code), workstation: c.workstation, submittedAt: c.submittedAt, absent: c.absentAt !== null })),
    proctorIds: exam.staffIds(s.id, 'proctor'),
    correctorIds: exam.staffIds(s.id, 'corrector'),
  };
}

/** The candidates to open a session for: the centre's file, the list given, or that many numbered workstations. */
function candidatesOf(body: NewSession, pack: Pack): NewCandidate[] {
  if (body.candidatesCsv !== undefined) return candidatesFromFile(Buffer.from(body.candidatesCsv, 'base64'), pack);
  const candidates = body.candidates ?? (body.candidateCount ? Array.from({ length: body.candidateCount }, (_, i) => ({ workstation: `PC-${String(i + 1).padStart(2, '0')}` })) : null);
  if (!candidates) throw userError(400, 'no-candidates', 'Give either candidateCount, the list of candidates or the candidate file.');
  return candidates;
}

/** Listing the sessions I may run, opening one, and one with its candidate codes. */
function sessionListRoutes(app: FastifyInstance) {
  const staff = app.requireStaff('admin', 'proctor');
  app.get('/api/sessions', { preHandler: staff, schema: { summary: 'Sessions I may run', response: { 200: Type.Array(SessionSummary), ...errors(401, 403) } } }, async (request) => {
    return app.exam
      .sessions()
      .filter((s) => app.proctor.access.maySupervise(request.principal, s.id))
      .map((s) => summaryOf(app.exam, s));
  });

  app.post<{ Body: Static<typeof NewSession> }>(
    '/api/sessions',
    { preHandler: staff, schema: { summary: 'Opens a session of a pack for a list of candidates', body: NewSession, response: { 200: SessionDetail, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      const body = request.body;
      const pack = app.packs.requireForm(body.packId, body.formId);
      const candidates = candidatesOf(body, pack);
      // Only accounts of those roles: an unknown id or a wrong role is a clear 400, never a foreign-key failure.
      app.accounts.requireStaffOfRole(body.proctorIds ?? [], 'proctor');
      app.accounts.requireStaffOfRole(body.correctorIds ?? [], 'corrector');
      // A proctor who opens a session supervises it.
      const p = staffOf(request);
      const proctorIds = [...new Set([...(body.proctorIds ?? []), ...(p.role === 'proctor' ? [p.accountId] : [])])];
      const created = app.exam.createSession({
        pack,
        title: body.title,
        room: body.room,
        scheduledAt: body.scheduledAt ?? null,
        candidates,
        doubleMarking: body.doubleMarking,
        pilot: body.pilot,
        proctorIds,
        correctorIds: [...new Set(body.correctorIds ?? [])],
        actor: accountActor(request),
      });
      return detailOf(app.exam, created.session);
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id',
    { preHandler: staff, schema: { summary: 'A session with its candidate codes', params: IdParams, response: { 200: SessionDetail, ...errors(401, 403, 404) } } },
    async (request) => detailOf(app.exam, runnable(app, request, request.params.id)),
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LangQuery> }>(
    '/api/sessions/:id/candidates.csv',
    { preHandler: staff, schema: { summary: 'The candidate list as the centre’s spreadsheet reads it (importable again)', params: IdParams, querystring: LangQuery, response: { 200: Type.String(), ...errors(401, 403, 404) } } },
    async (request, reply) => {
      const s = runnable(app, request, request.params.id);
      const list = app.exam.candidateList(s.id, accountActor(request));
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="candidats-${s.code.toLowerCase()}.csv"`).header('cache-control', 'no-store');
      return candidateListCsv(list.rows, list.accommodations, request.query.lang ?? 'fr');
    },
  );
}

/** Start, pause, resume and end, for the whole room; kiosks and dashboards are told after the commit. */
function sessionLifecycleRoutes(app: FastifyInstance) {
  for (const action of ['start', 'pause', 'resume', 'end'] as const) {
    app.post<{ Params: Static<typeof IdParams> }>(
      `/api/sessions/:id/${action}`,
      {
        preHandler: app.requireStaff('admin', 'proctor'),
        schema: { summary: `${action[0]!.toUpperCase()}${action.slice(1)}s the session for the whole room`, params: IdParams, body: Type.Optional(Empty), response: { 200: SessionSummary, ...errors(400, 401, 403, 404, 409) } },
      },
      async (request) => {
        const s = runnable(app, request, request.params.id);
        const who = accountActor(request);
        if (action === 'end') {
          const ended = app.exam.end(s.id, who);
          app.examEvents.room(s.id, 'ended', ended.submitted);
          return summaryOf(app.exam, ended.session);
        }
        const after = action === 'start' ? app.exam.start(s.id, who) : action === 'pause' ? app.exam.pause(s.id, who) : app.exam.resume(s.id, who);
        app.examEvents.room(s.id, action === 'start' ? 'started' : action === 'pause' ? 'paused' : 'resumed');
        return summaryOf(app.exam, after);
      },
    );
  }
}
