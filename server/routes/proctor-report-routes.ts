import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { errors } from '../contract/errors.js';
import { IdParams, LangQuery, SessionReport } from '../contract/proctor.js';
import type { Language } from '../contract/i18n/format.js';
import { renderReportPage } from '../proctor/report-page.js';
import { candidatesCsv, eventsCsv, incidentsCsv } from '../proctor/report-csv.js';
import { renderSlipsPage } from '../proctor/slips.js';
import { kioskAddresses } from '../proctor/kiosk-addresses.js';
import { printCss, printJs } from '../proctor/print-assets.js';
import { languageOf, type Supervisor } from './supervisor.js';

type PrintRequest = { Params: Static<typeof IdParams>; Querystring: Static<typeof LangQuery> };
/** The slips take the address their QR codes carry (kiosk-addresses.ts), as the proctor picked it. */
const SlipsQuery = Type.Object({ lang: LangQuery.properties.lang, address: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
type SlipsRequest = { Params: Static<typeof IdParams>; Querystring: Static<typeof SlipsQuery> };

/** The session report (procès-verbal) as data, as CSV files and as a printed page; the login slips. */
export function proctorReportRoutes(app: FastifyInstance, supervisor: Supervisor) {
  reportRoutes(app, supervisor);
  printedPageRoutes(app, supervisor);
  printAssetRoutes(app);
}

/** The report as data, then as three CSV downloads built from it. */
function reportRoutes(app: FastifyInstance, supervisor: Supervisor) {
  const { reports } = app.proctor;
  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/sessions/:id/report',
    { preHandler: app.requireStaff('admin', 'proctor'), schema: { summary: 'The session report (procès-verbal) as data', params: IdParams, response: { 200: SessionReport, ...errors(401, 403, 404) } } },
    async (request) => {
      supervisor(request, request.params.id);
      return reports.build(request.params.id);
    },
  );
  csvRoute(app, supervisor, 'report', (id, language) => candidatesCsv(reports.build(id), language));
  csvRoute(app, supervisor, 'incidents', (id, language) => incidentsCsv(reports.build(id), language));
  csvRoute(app, supervisor, 'events', (id, language) => eventsCsv(reports.build(id), reports.events(id), language));
}

/** `GET /api/sessions/:id/<name>.csv`, a download named after the session's code. */
function csvRoute(app: FastifyInstance, supervisor: Supervisor, name: string, render: (sessionId: number, language: Language) => string) {
  app.get<PrintRequest>(
    `/api/sessions/:id/${name}.csv`,
    {
      preHandler: app.requireStaff('admin', 'proctor'),
      schema: { summary: `The session's ${name} as CSV (UTF-8 with BOM, ";" separated)`, params: IdParams, querystring: LangQuery, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV text' }), ...errors(401, 403, 404) } },
    },
    async (request, reply) => {
      supervisor(request, request.params.id);
      const session = app.exam.requireSession(request.params.id);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="lectern-${session.code}-${name}.csv"`);
      reply.header('cache-control', 'no-store');
      return render(request.params.id, languageOf(request.query));
    },
  );
}

/** A printable page: never cached, as it shows the session as it is now. */
function htmlPage(reply: FastifyReply, body: string) {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('cache-control', 'no-store');
  return body;
}

/** The printed report and the login slips of the candidates who are not absent. */
function printedPageRoutes(app: FastifyInstance, supervisor: Supervisor) {
  const staff = app.requireStaff('admin', 'proctor');
  const { dashboard, reports } = app.proctor;

  app.get<PrintRequest>('/proctor/sessions/:id/report', { preHandler: staff, schema: { hide: true, params: IdParams, querystring: LangQuery } }, async (request, reply) => {
    supervisor(request, request.params.id);
    return htmlPage(reply, renderReportPage(reports.build(request.params.id), languageOf(request.query)));
  });
  app.get<SlipsRequest>('/proctor/sessions/:id/slips', { preHandler: staff, schema: { hide: true, params: IdParams, querystring: SlipsQuery } }, async (request, reply) => {
    supervisor(request, request.params.id);
    const session = app.exam.requireSession(request.params.id);
    const { title, room, code, packTitle } = dashboard.sessionView(session);
    const slips = app.exam
      .candidates(session.id)
      .filter((c) => c.absentAt === null)
      .map((c) => ({ code: `${c.code.slice(0, 4)}-${c.code.slice(4)}`, workstation: c.workstation }));
    return htmlPage(reply, await renderSlipsPage({ title, room, code, packTitle }, slips, kioskAddresses(request.protocol, request.headers.host ?? request.hostname, app.server.address(), request.query.address), languageOf(request.query)));
  });
}

/** The stylesheet and script of the printable pages. */
function printAssetRoutes(app: FastifyInstance) {
  const asset = (path: string, contentType: string, body: string) =>
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      reply.header('content-type', contentType);
      reply.header('cache-control', 'no-cache');
      return body;
    });
  asset('/proctor/assets/print.css', 'text/css; charset=utf-8', printCss);
  asset('/proctor/assets/print.js', 'text/javascript; charset=utf-8', printJs);
}
