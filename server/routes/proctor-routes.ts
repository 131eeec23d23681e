import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { errors } from '../contract/errors.js';
import {
  AbsentBody,
  CandidateParams,
  DashboardSnapshot,
  Done,
  ExtraTimeBody,
  ExtraTimeResult,
  IdParams,
  IncidentBody,
  IncidentView,
  LangQuery,
  MessageBody,
  MessageSummary,
  MoveBody,
  MoveResult,
  PauseBody,
  SebKeyBody,
  SessionReport,
} from '../contract/proctor.js';
import { renderReportPage } from '../proctor/report-page.js';
import { candidatesCsv, eventsCsv, incidentsCsv } from '../proctor/report-csv.js';
import { kioskUrl, renderSlipsPage } from '../proctor/slips.js';
import { printCss, printJs } from '../proctor/print-assets.js';
import type { Language as Lang } from '../contract/i18n/format.js';

type CandidateReq<B = unknown> = FastifyRequest<{ Params: Static<typeof CandidateParams>; Body: B }>;

/** The proctor's controls, the live dashboard's snapshot, the login slips and the session report. */
export default async function proctorRoutes(app: FastifyInstance) {
  const staff = app.requireStaff('admin', 'proctor');
  const { access, controls, dashboard, reports } = app.proctor;

  /** The acting proctor, once they are known to supervise this session. */
  function supervisor(request: FastifyRequest, sessionId: number) {
    access.requireSupervisor(request.principal, sessionId);
    app.exam.requireSession(sessionId);
    return { kind: 'account' as const, id: (request.principal as { accountId: number }).accountId };
  }
  const lang = (request: FastifyRequest): Lang => ((request.query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'fr');
  const cid = (request: CandidateReq) => request.params.candidateId;

  // ---------- live dashboard ----------
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/dashboard',
    { preHandler: staff, schema: { summary: 'The dashboard snapshot (the live socket sends it too, then deltas)', params: IdParams, response: { 200: DashboardSnapshot, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return dashboard.snapshot(request.params.id);
    },
  );

  // ---------- controls on one candidate ----------
  const candidateControl = <B>(
    path: string,
    summary: string,
    body: TSchema,
    response: TSchema,
    run: (request: CandidateReq<B>, actor: { kind: 'account'; id: number }) => unknown,
  ) =>
    app.post(
      `/api/sessions/:id/candidates/:candidateId/${path}`,
      { preHandler: staff, schema: { summary, params: CandidateParams, body, response: { 200: response, ...errors(400, 401, 403, 404, 409) } } },
      async (request) => {
        const r = request as unknown as CandidateReq<B>;
        const actor = supervisor(r, r.params.id);
        app.exam.requireCandidateOf(r.params.id, cid(r));
        return run(r, actor);
      },
    );

  candidateControl<Static<typeof PauseBody>>('pause', 'Pauses one candidate (the rest of the room goes on)', Type.Optional(PauseBody), Done, (r, actor) => {
    controls.pauseCandidate(r.params.id, cid(r), actor, r.body?.reason ?? '');
    return { ok: true };
  });
  candidateControl('resume', "Resumes one candidate's own pause", Type.Optional(Type.Object({}, { additionalProperties: false })), Done, (r, actor) => {
    controls.resumeCandidate(r.params.id, cid(r), actor);
    return { ok: true };
  });
  candidateControl<Static<typeof ExtraTimeBody>>('extra-time', 'Gives one candidate extra time: an accommodation, or incident time with its reason', ExtraTimeBody, ExtraTimeResult, (r, actor) => {
    const result = controls.extraTime(r.params.id, cid(r), { minutes: r.body.minutes, kind: r.body.kind, reason: r.body.reason ?? '' }, actor);
    const clock = app.exam.clockView(app.exam.session(r.params.id)!, cid(r));
    return { ok: true, ...result, deadlineAt: clock.deadlineAt };
  });
  candidateControl<Static<typeof MoveBody>>('move', 'Moves a candidate to another workstation (the old one is logged out at once)', MoveBody, MoveResult, (r, actor) => {
    return { ok: true, ...controls.move(r.params.id, cid(r), r.body.workstation, actor) };
  });
  for (const locked of [true, false]) {
    candidateControl(locked ? 'lock' : 'unlock', locked ? 'Locks a workstation' : 'Unlocks a workstation', Type.Optional(Type.Object({}, { additionalProperties: false })), Done, (r, actor) => {
      controls.setLocked(r.params.id, cid(r), locked, actor);
      return { ok: true };
    });
  }
  candidateControl<Static<typeof AbsentBody>>('absent', 'Marks a candidate absent (or, with absent: false, present again)', Type.Optional(AbsentBody), Done, (r, actor) => {
    controls.setAbsent(r.params.id, cid(r), r.body?.absent ?? true, actor);
    return { ok: true };
  });

  // ---------- messages and incidents ----------
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof MessageBody> }>(
    '/api/sessions/:id/messages',
    { preHandler: staff, schema: { summary: 'Sends a message to the whole room, or to one candidate', params: IdParams, body: MessageBody, response: { 200: MessageSummary, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => controls.sendMessage(request.params.id, request.body, supervisor(request, request.params.id)),
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/messages',
    { preHandler: staff, schema: { summary: 'Messages sent, with who acknowledged them', params: IdParams, response: { 200: Type.Array(MessageSummary), ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return dashboard.messages(request.params.id);
    },
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof IncidentBody> }>(
    '/api/sessions/:id/incidents',
    { preHandler: staff, schema: { summary: 'Records an incident (time, candidate if any, what happened)', params: IdParams, body: IncidentBody, response: { 200: IncidentView, ...errors(400, 401, 403, 404) } } },
    async (request) => controls.recordIncident(request.params.id, request.body, supervisor(request, request.params.id)),
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/incidents',
    { preHandler: staff, schema: { summary: 'Incidents recorded in the session', params: IdParams, response: { 200: Type.Array(IncidentView), ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return dashboard.incidents(request.params.id);
    },
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof SebKeyBody> }>(
    '/api/sessions/:id/seb-config-key',
    { preHandler: staff, schema: { summary: "Requires (or, with null, stops requiring) Safe Exam Browser's Config Key on the kiosks", params: IdParams, body: SebKeyBody, response: { 200: Done, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      controls.setSebConfigKey(request.params.id, request.body.configKey, supervisor(request, request.params.id));
      return { ok: true as const };
    },
  );

  // ---------- the report ----------
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/report',
    { preHandler: staff, schema: { summary: 'The session report (procès-verbal) as data', params: IdParams, response: { 200: SessionReport, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return reports.build(request.params.id);
    },
  );
  const csv = (name: string, render: (id: number, l: Lang) => string) =>
    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LangQuery> }>(
      `/api/sessions/:id/${name}.csv`,
      { preHandler: staff, schema: { summary: `The session's ${name} as CSV (UTF-8 with BOM, ";" separated)`, params: IdParams, querystring: LangQuery, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV text' }), ...errors(401, 403, 404) } } },
      async (request, reply) => {
        supervisor(request, request.params.id);
        const session = app.exam.requireSession(request.params.id);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="lectern-${session.code}-${name}.csv"`);
        reply.header('cache-control', 'no-store');
        return render(request.params.id, lang(request));
      },
    );
  csv('report', (id, l) => candidatesCsv(reports.build(id), l));
  csv('incidents', (id, l) => incidentsCsv(reports.build(id), l));
  csv('events', (id, l) => eventsCsv(reports.build(id), reports.events(id), l));

  // ---------- printable pages ----------
  const htmlPage = (reply: FastifyReply, body: string) => {
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-store');
    return body;
  };
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LangQuery> }>(
    '/proctor/sessions/:id/report',
    { preHandler: staff, schema: { hide: true, params: IdParams, querystring: LangQuery } },
    async (request, reply) => {
      supervisor(request, request.params.id);
      return htmlPage(reply, renderReportPage(reports.build(request.params.id), lang(request)));
    },
  );
  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LangQuery> }>(
    '/proctor/sessions/:id/slips',
    { preHandler: staff, schema: { hide: true, params: IdParams, querystring: LangQuery } },
    async (request, reply) => {
      supervisor(request, request.params.id);
      const s = app.exam.requireSession(request.params.id);
      const view = dashboard.sessionView(s);
      const slips = app.exam
        .candidates(s.id)
        .filter((c) => c.absentAt === null)
        .map((c) => ({ code: `${c.code.slice(0, 4)}-${c.code.slice(4)}`, workstation: c.workstation }));
      return htmlPage(reply, await renderSlipsPage({ title: view.title, room: view.room, code: view.code, packTitle: view.packTitle }, slips, kioskUrl(request), lang(request)));
    },
  );
  app.get('/proctor/assets/print.css', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', 'text/css; charset=utf-8');
    reply.header('cache-control', 'no-cache');
    return printCss;
  });
  app.get('/proctor/assets/print.js', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', 'text/javascript; charset=utf-8');
    reply.header('cache-control', 'no-cache');
    return printJs;
  });
}
