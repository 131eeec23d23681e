import type { FastifyInstance, FastifyRequest } from 'fastify';
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
} from '../contract/proctor.js';
import { LostTimeView } from '../contract/lost-time.js';
import { proctorReportRoutes } from './proctor-report-routes.js';
import { languageOf, supervisorOf, type Supervisor } from './supervisor.js';

type CandidateRequest<B> = FastifyRequest<{ Params: Static<typeof CandidateParams>; Body: B }>;
type Actor = ReturnType<Supervisor>;
const NoBody = Type.Optional(Type.Object({}, { additionalProperties: false }));

/** The proctor's controls, the live dashboard's snapshot, the login slips and the session report. */
export default async function proctorRoutes(app: FastifyInstance) {
  const supervisor = supervisorOf(app);
  dashboardRoutes(app, supervisor);
  candidateControlRoutes(app, supervisor);
  lostTimeRoute(app, supervisor);
  messageRoutes(app, supervisor);
  incidentRoutes(app, supervisor);
  sebKeyRoute(app, supervisor);
  proctorReportRoutes(app, supervisor);
}

/** A candidate's measured lost time (offline, locked), offered as incident time (server/proctor/lost-time.ts). */
function lostTimeRoute(app: FastifyInstance, supervisor: Supervisor) {
  app.get<{ Params: Static<typeof CandidateParams>; Querystring: Static<typeof LangQuery> }>(
    '/api/sessions/:id/candidates/:candidateId/lost-time',
    {
      preHandler: app.requireStaff('admin', 'proctor'),
      schema: { summary: "A candidate's periods offline or locked over a minute, to offer as incident time", params: CandidateParams, querystring: LangQuery, response: { 200: LostTimeView, ...errors(401, 403, 404) } },
    },
    async (request) => {
      supervisor(request, request.params.id);
      app.exam.requireCandidateOf(request.params.id, request.params.candidateId);
      return app.proctor.lostTime.offers(request.params.id, request.params.candidateId, languageOf(request.query));
    },
  );
}

/** The dashboard snapshot a page loads before the live socket's deltas. */
function dashboardRoutes(app: FastifyInstance, supervisor: Supervisor) {
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/dashboard',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'The dashboard snapshot (the live socket sends it too, then deltas)', params: IdParams, response: { 200: DashboardSnapshot, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return app.proctor.dashboard.snapshot(request.params.id);
    },
  );
}

/** One control on one candidate of a session the proctor supervises: `POST .../candidates/:candidateId/<path>`. */
function candidateControl<B>(
  app: FastifyInstance,
  supervisor: Supervisor,
  control: { path: string; summary: string; body: TSchema; response: TSchema },
  run: (request: CandidateRequest<B>, actor: Actor) => unknown,
) {
  app.post<{ Params: Static<typeof CandidateParams>; Body: B }>(
    `/api/sessions/:id/candidates/:candidateId/${control.path}`,
    {
      preHandler: app.requireStaff('admin', 'proctor'),
      schema: { summary: control.summary, params: CandidateParams, body: control.body, response: { 200: control.response, ...errors(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const actor = supervisor(request, request.params.id);
      app.exam.requireCandidateOf(request.params.id, request.params.candidateId);
      return run(request, actor);
    },
  );
}

/** Pause, resume, extra time, move, lock, unlock and absent, each on one candidate. */
function candidateControlRoutes(app: FastifyInstance, supervisor: Supervisor) {
  const { controls } = app.proctor;
  const control = <B>(path: string, summary: string, body: TSchema, response: TSchema, run: (request: CandidateRequest<B>, actor: Actor) => unknown) =>
    candidateControl<B>(app, supervisor, { path, summary, body, response }, run);

  control<Static<typeof PauseBody> | undefined>('pause', 'Pauses one candidate (the rest of the room goes on)', Type.Optional(PauseBody), Done, ({ params, body }, actor) => {
    controls.pauseCandidate(params.id, params.candidateId, actor, body?.reason ?? '');
    return { ok: true };
  });
  control('resume', "Resumes one candidate's own pause", NoBody, Done, ({ params }, actor) => {
    controls.resumeCandidate(params.id, params.candidateId, actor);
    return { ok: true };
  });
  control<Static<typeof ExtraTimeBody>>('extra-time', 'Gives one candidate extra time: an accommodation, or incident time with its reason', ExtraTimeBody, ExtraTimeResult, ({ params, body }, actor) => {
    const result = controls.extraTime(params.id, params.candidateId, { minutes: body.minutes, kind: body.kind, reason: body.reason ?? '' }, actor);
    const clock = app.exam.clockView(app.exam.requireSession(params.id), params.candidateId);
    return { ok: true, ...result, deadlineAt: clock.deadlineAt };
  });
  control<Static<typeof MoveBody>>('move', 'Moves a candidate to another workstation (the old one is logged out at once)', MoveBody, MoveResult, ({ params, body }, actor) => {
    return { ok: true, ...controls.move(params.id, params.candidateId, body.workstation, actor) };
  });
  for (const locked of [true, false]) {
    control(locked ? 'lock' : 'unlock', locked ? 'Locks a workstation' : 'Unlocks a workstation', NoBody, Done, ({ params }, actor) => {
      controls.setLocked(params.id, params.candidateId, locked, actor);
      return { ok: true };
    });
  }
  control<Static<typeof AbsentBody> | undefined>('absent', 'Marks a candidate absent (or, with absent: false, present again)', Type.Optional(AbsentBody), Done, ({ params, body }, actor) => {
    controls.setAbsent(params.id, params.candidateId, body?.absent ?? true, actor);
    return { ok: true };
  });
}

/** Messages to the whole room or to one candidate, with who acknowledged them. */
function messageRoutes(app: FastifyInstance, supervisor: Supervisor) {
  const staff = app.requireStaff('admin', 'proctor');
  const { controls, dashboard } = app.proctor;

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
}

/** Incidents recorded during the session. */
function incidentRoutes(app: FastifyInstance, supervisor: Supervisor) {
  const staff = app.requireStaff('admin', 'proctor');
  const { controls, dashboard } = app.proctor;

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
}

/** The Safe Exam Browser Config Key the kiosks must show, or none. */
function sebKeyRoute(app: FastifyInstance, supervisor: Supervisor) {
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof SebKeyBody> }>(
    '/api/sessions/:id/seb-config-key',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: "Requires (or, with null, stops requiring) Safe Exam Browser's Config Key on the kiosks", params: IdParams, body: SebKeyBody, response: { 200: Done, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      app.proctor.controls.setSebConfigKey(request.params.id, request.body.configKey, supervisor(request, request.params.id));
      return { ok: true as const };
    },
  );
}
