// Which routes show candidates' data to a staff account, and which kinds: the one table the
// access log reads (server/privacy/data-access-log.ts). A test checks it against the app's own
// routes, so a route that is renamed, or a new route under a session that is in no list, fails.
// The dashboard's socket is logged where it subscribes to a session (server/proctor/plugin.ts).

export const candidateDataKinds = ['answers', 'grades', 'names', 'monitoring'] as const;
export type CandidateDataKind = (typeof candidateDataKinds)[number];

/** "METHOD url" as Fastify registers it -> what a successful answer shows. */
export const candidateDataRoutes: Record<string, readonly CandidateDataKind[]> = {
  'GET /api/sessions/:id/dashboard': ['monitoring'],
  'GET /api/sessions/:id/messages': ['monitoring'],
  'GET /api/sessions/:id/incidents': ['monitoring'],
  'GET /api/sessions/:id/report': ['monitoring'],
  'GET /api/sessions/:id/report.csv': ['monitoring'],
  'GET /api/sessions/:id/incidents.csv': ['monitoring'],
  'GET /api/sessions/:id/events.csv': ['monitoring'],
  // A candidate's periods offline or locked: their monitoring.
  'GET /api/sessions/:id/candidates/:candidateId/lost-time': ['monitoring'],
  'GET /proctor/sessions/:id/report': ['monitoring'],
  'GET /api/grading/sessions/:id/workspace': ['answers', 'grades'],
  'GET /api/grading/sessions/:id/scripts/:candidateId/readings': ['answers', 'grades'],
  'GET /api/grading/sessions/:id/results': ['grades'],
  'GET /api/grading/sessions/:id/jury.json': ['names', 'grades'],
  'GET /api/grading/sessions/:id/jury.csv': ['names', 'grades'],
  'GET /api/grading/sessions/:id/jury.html': ['names', 'grades'],
  // The candidates' list as the centre imported it: names, numbers, workstations, accommodations.
  'GET /api/sessions/:id/candidates.csv': ['names'],
};

/**
 * Routes under a session that show no candidate's data (codes, counts and states are not the
 * candidates' data: they are pseudonymous and needed to run the room).
 */
export const routesWithoutCandidateData: readonly string[] = [
  'GET /api/sessions/:id',
  'GET /api/grading/sessions/:id/overview',
  'GET /proctor/sessions/:id/slips',
  // Failed logins waiting: the codes typed and the addresses, to clear a wait; no name, no answer.
  'GET /api/sessions/:id/throttles',
  // A sealed export is the plain export asked again with the admin's cookie: that plain route's
  // read is the one logged (once), so the sealed route adds no entry of its own.
  'GET /api/admin/sessions/:id/sealed/:export',
  // The session's proctor code for the fallback file (issue 10, item 4): no name, no answer.
  'GET /api/sessions/:id/fallback-code',
];

export function candidateDataOf(method: string, url: string | undefined): readonly CandidateDataKind[] | undefined {
  return url === undefined ? undefined : candidateDataRoutes[`${method} ${url}`];
}
