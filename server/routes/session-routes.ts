import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '../errors.js';
import { formatCode } from '../contract/rules/code-format.js';
import type { ExamSessionRow } from '../exam/exam-service.js';
import { IdParams } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { NewSession, SessionDetail, SessionSummary } from '../contract/sessions.js';

/** Sessions: admins see and run all of them; a proctor those they supervise. */
export default async function sessionRoutes(app: FastifyInstance) {
  /** The session, if the logged-in staff member may run it. */
  function runnable(request: FastifyRequest, id: number): ExamSessionRow {
    const s = app.exam.requireSession(id);
    if (app.proctor.access.maySupervise(request.principal, id)) return s;
    throw userError(403, 'not-your-session', 'You are not a proctor of this session.');
  }
  const actor = (request: FastifyRequest) => ({ kind: 'account' as const, id: (request.principal as { accountId: number }).accountId });
  const summary = (s: ExamSessionRow) => ({
    id: s.id,
    code: formatCode(s.code),
    title: s.title,
    room: s.room,
    packId: s.packId,
    state: s.state,
    durationMs: s.durationMs,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    candidateCount: app.exam.candidateCount(s.id),
  });
  const detail = (s: ExamSessionRow) => ({
    ...summary(s),
    candidates: app.exam.candidates(s.id).map((c) => ({ id: c.id, code: formatCode(c.code), workstation: c.workstation, submittedAt: c.submittedAt, absent: c.absentAt !== null })),
  });

  app.get(
    '/api/sessions',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'Sessions I may run', response: { 200: Type.Array(SessionSummary), ...errors(401, 403) } } },
    async (request) => {
      return app.exam.sessions().filter((s) => app.proctor.access.maySupervise(request.principal, s.id)).map(summary);
    },
  );

  app.post<{ Body: Static<typeof NewSession> }>(
    '/api/sessions',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'Opens a session of a pack for a list of candidates', body: NewSession, response: { 200: SessionDetail, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      const body = request.body;
      const pack = app.packs.get(body.packId);
      if (!pack) {
        const broken = app.packs.problems.filter((p) => p.file.startsWith(`${body.packId}/`));
        throw broken.length
          ? userError(400, 'invalid-pack', `The pack "${body.packId}" has errors and cannot be used: ${broken.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`)
          : userError(404, 'unknown-pack', `There is no content pack "${body.packId}". Available: ${app.packs.list().map((p) => p.id).join(', ') || 'none'}.`);
      }
      const candidates = body.candidates ?? (body.candidateCount ? Array.from({ length: body.candidateCount }, (_, i) => ({ workstation: `PC-${String(i + 1).padStart(2, '0')}` })) : null);
      if (!candidates) throw userError(400, 'no-candidates', 'Give either candidateCount or the list of candidates.');
      const p = request.principal as { role: string; accountId: number };
      const proctorIds = [...(body.proctorIds ?? []), ...(p.role === 'proctor' ? [p.accountId] : [])];
      const created = app.exam.createSession({ pack, title: body.title, room: body.room, candidates, doubleMarking: body.doubleMarking, proctorIds, correctorIds: body.correctorIds, actor: actor(request) });
      return detail(created.session);
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'A session with its candidate codes', params: IdParams, response: { 200: SessionDetail, ...errors(401, 403, 404) } } },
    async (request) => detail(runnable(request, request.params.id)),
  );

  for (const action of ['start', 'pause', 'resume', 'end'] as const) {
    app.post<{ Params: Static<typeof IdParams> }>(
      `/api/sessions/:id/${action}`,
      {
        preHandler: app.requireStaff('admin', 'proctor'),
        schema: { summary: `${action[0]!.toUpperCase()}${action.slice(1)}s the session for the whole room`, params: IdParams, response: { 200: SessionSummary, ...errors(401, 403, 404, 409) } },
      },
      async (request) => {
        const s = runnable(request, request.params.id);
        const who = actor(request);
        if (action === 'end') {
          const ended = app.exam.end(s.id, who);
          app.examEvents.room(s.id, 'ended', ended.submitted);
          return summary(ended.session);
        }
        const after = action === 'start' ? app.exam.start(s.id, who) : action === 'pause' ? app.exam.pause(s.id, who) : app.exam.resume(s.id, who);
        app.examEvents.room(s.id, action === 'start' ? 'started' : action === 'pause' ? 'paused' : 'resumed');
        return summary(after);
      },
    );
  }
}
