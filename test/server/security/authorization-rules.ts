// Who may use each route and send each socket message: the authorization matrix's rules
// (authorization-matrix.test.ts), and the role the fuzz tests ask as (fuzz.test.ts).

export const roles = ['anonymous', 'candidate', 'otherCandidate', 'proctor', 'otherProctor', 'corrector', 'admin'] as const;
export type Role = (typeof roles)[number];
export type Rule = { allow: readonly Role[] | 'public'; body?: unknown };

export const candidates: Role[] = ['candidate', 'otherCandidate'];
export const sessionStaff: Role[] = ['proctor', 'admin'];
export const anyProctor: Role[] = ['proctor', 'otherProctor', 'admin'];
const admin: Role[] = ['admin'];
const loggedIn: Role[] = roles.filter((r) => r !== 'anonymous');

/** Every route of the app: who may use it. The session in the URL is always session A's. */
export const httpRules: Record<string, Rule> = {
  'GET /api/openapi.json': { allow: 'public' },
  'GET /healthz': { allow: 'public' },
  'POST /api/auth/login': { allow: 'public', body: { username: 'nobody', password: 'wrong' } },
  'POST /api/candidate/login': { allow: 'public', body: { sessionCode: 'ZZZZZZ', candidateCode: 'ZZZZZZZZ' } },
  'POST /api/auth/logout': { allow: 'public' },
  'GET /api/auth/me': { allow: loggedIn },
  'GET /api/attempt': { allow: candidates },
  'POST /api/attempt/notice': { allow: candidates },
  'GET /api/attempt/sections/:sectionId/document': { allow: candidates },
  'POST /api/attempt/submit': { allow: candidates },
  'GET /api/packs/:packId/assets/*': { allow: loggedIn },
  'GET /api/sessions': { allow: anyProctor },
  'POST /api/sessions': { allow: anyProctor, body: { packId: 'devops-title-qp', candidateCount: 1 } },
  'GET /api/sessions/:id': { allow: sessionStaff },
  'POST /api/sessions/:id/start': { allow: sessionStaff },
  'POST /api/sessions/:id/pause': { allow: sessionStaff },
  'POST /api/sessions/:id/resume': { allow: sessionStaff },
  'POST /api/sessions/:id/end': { allow: sessionStaff },
  'GET /api/sessions/:id/dashboard': { allow: sessionStaff },
  'POST /api/sessions/:id/candidates/:candidateId/pause': { allow: sessionStaff },
  'POST /api/sessions/:id/candidates/:candidateId/resume': { allow: sessionStaff },
  'POST /api/sessions/:id/candidates/:candidateId/extra-time': { allow: sessionStaff, body: { kind: 'accommodation', minutes: 5 } },
  'POST /api/sessions/:id/candidates/:candidateId/move': { allow: sessionStaff, body: { workstation: 'PC-99' } },
  'POST /api/sessions/:id/candidates/:candidateId/lock': { allow: sessionStaff },
  'POST /api/sessions/:id/candidates/:candidateId/unlock': { allow: sessionStaff },
  'POST /api/sessions/:id/candidates/:candidateId/absent': { allow: sessionStaff },
  'POST /api/sessions/:id/messages': { allow: sessionStaff, body: { text: 'Bonjour' } },
  'GET /api/sessions/:id/messages': { allow: sessionStaff },
  'POST /api/sessions/:id/incidents': { allow: sessionStaff, body: { text: 'Panne' } },
  'GET /api/sessions/:id/incidents': { allow: sessionStaff },
  'POST /api/sessions/:id/seb-config-key': { allow: sessionStaff, body: { configKey: null } },
  'GET /api/sessions/:id/report': { allow: sessionStaff },
  'GET /api/sessions/:id/report.csv': { allow: sessionStaff },
  'GET /api/sessions/:id/incidents.csv': { allow: sessionStaff },
  'GET /api/sessions/:id/events.csv': { allow: sessionStaff },
  'GET /proctor/sessions/:id/report': { allow: sessionStaff },
  'GET /proctor/sessions/:id/slips': { allow: sessionStaff },
  'GET /proctor/assets/print.css': { allow: 'public' },
  'GET /proctor/assets/print.js': { allow: 'public' },
  'GET /api/packs': { allow: anyProctor },
  'GET /api/admin/accounts': { allow: admin },
  'POST /api/admin/accounts': { allow: admin, body: { username: 'nouveau', displayName: 'Nouveau', role: 'corrector', password: 'un mot de passe assez long' } },
  'PATCH /api/admin/accounts/:id': { allow: admin, body: { disabled: false } },
  'POST /api/admin/accounts/:id/password-reset': { allow: admin },
  'POST /api/admin/accounts/:id/end-sessions': { allow: admin },
  'DELETE /api/admin/accounts/:id': { allow: admin },
  'POST /api/auth/password': { allow: ['proctor', 'otherProctor', 'corrector', 'admin'], body: { currentPassword: 'pas le bon mot de passe', newPassword: 'un nouveau mot de passe assez long' } },
  'GET /api/sessions/:id/candidates.csv': { allow: sessionStaff },
  'GET /api/admin/preview/packs': { allow: admin },
  'GET /api/admin/preview/packs/:packId': { allow: admin },
  'GET /api/admin/preview/packs/:packId/assets/*': { allow: admin },
  'GET /api/grading/statistics': { allow: admin },
  'GET /api/grading/statistics/long.csv': { allow: admin },
  'GET /api/grading/statistics/timing': { allow: admin },
  'GET /api/admin/forms': { allow: admin },
  'POST /api/admin/forms/:packId/:formId/retire': { allow: admin, body: { reason: 'Exposée trop souvent' } },
  'GET /api/admin/privacy': { allow: admin },
  'POST /api/admin/sessions/:id/hold': { allow: admin, body: { reason: 'Recours en cours' } },
  'POST /api/admin/sessions/:id/release': { allow: admin },
  'POST /api/admin/purge': { allow: admin, body: { before: null, force: false, dryRun: true } },
  'GET /api/admin/data-reads': { allow: admin },
  'GET /ws': { allow: loggedIn },
  'GET /api/sessions/:id/throttles': { allow: sessionStaff },
  'POST /api/sessions/:id/throttles/:throttleId/clear': { allow: sessionStaff },
  'GET /api/admin/throttles': { allow: admin },
  'POST /api/admin/throttles/:throttleId/clear': { allow: admin },
  'GET /api/grading/sessions': { allow: ['corrector', 'admin'] },
  'GET /api/grading/sessions/:id/workspace': { allow: ['corrector'] },
  // Marks are given per script: the session's corrector too is refused (not-your-script) until a
  // script is assigned to them, which happens once the session has ended. Nobody passes here.
  'POST /api/grading/sessions/:id/answer-marks': { allow: [] },
  'POST /api/grading/sessions/:id/script-marks': { allow: [] },
  'POST /api/grading/sessions/:id/scripts/:candidateId/finish': { allow: [] },
  'POST /api/grading/sessions/:id/scripts/:candidateId/reopen': { allow: [] },
  'GET /api/grading/sessions/:id/scripts/:candidateId/readings': { allow: ['admin'] },
  'GET /api/grading/sessions/:id/overview': { allow: admin },
  'POST /api/grading/sessions/:id/distribution': { allow: admin },
  'POST /api/grading/sessions/:id/third-readings': { allow: admin },
  'POST /api/grading/sessions/:id/close': { allow: admin },
  'GET /api/grading/sessions/:id/results': { allow: admin },
  'GET /api/grading/sessions/:id/jury.json': { allow: admin },
  'GET /api/grading/sessions/:id/jury.csv': { allow: admin },
  'GET /api/grading/sessions/:id/jury.html': { allow: admin },
  'GET /api/grading/jury.css': { allow: 'public' },
  'GET /assets/*': { allow: 'public' },
  'GET /': { allow: 'public' },
  'GET /proctor': { allow: 'public' },
  'GET /grading': { allow: 'public' },
  'GET /admin': { allow: 'public' },
};

/** Every message type of the two socket protocols: who may send it (on their own socket). */
export const socketRules: Record<string, { allow: readonly Role[]; message: Record<string, unknown> }> = {
  save: { allow: candidates, message: { type: 'save', questionId: 'q1', revision: 1, text: 'hello' } },
  heartbeat: { allow: candidates, message: { type: 'heartbeat', activity: 'reading' } },
  supervision: { allow: candidates, message: { type: 'supervision', kind: 'focus-lost' } },
  'acknowledge-message': { allow: candidates, message: { type: 'acknowledge-message', messageId: 1 } },
  subscribe: { allow: sessionStaff, message: { type: 'subscribe', sessionId: 0 } },
  unsubscribe: { allow: anyProctor, message: { type: 'unsubscribe' } },
  ping: { allow: anyProctor, message: { type: 'ping', sentAt: 1 } },
};

