// A graded session in the making: an ended session of the DevOps pack whose candidates wrote
// answers, with correctors, through the same API the grading view uses.
import type { LecternApp } from '../../../server/app.js';
import { createStaff, loginStaff, type Login } from '../../helpers/build-app.js';
import type { AnswerMark, ScriptMark } from '../../../server/grading/rubric-model.js';

export const PACK = 'devops-title-qp';

/** Answers a candidate might write (q1..q6); the second candidate copies a sentence of the document. */
export const sampleAnswers: Record<string, string>[] = [
  {
    q1: 'OnCalendar=Mon..Fri *-*-* 06:30:00. Weekly means every Monday at midnight. Use systemd-analyze calendar to see the next time it will run.',
    q2: 'Copy the two files to /etc/systemd/system and run daemon-reload. Start the service by hand and read the journal; if it works, enable --now the timer.',
    q3: 'He is right only about ExecStart: the full path is a MUST. The two others are SHOULD, they are recommendations.',
    q4: 'The service does not read .bashrc so PATH has no /opt/pgsql/bin. Use the full path or Environment=PATH=... in the unit.',
    q5: 'The run is lost. With Persistent=true it runs on Monday at boot. No, Persistent only works with OnCalendar.',
    q6: 'Hi Marco, enable only starts the timer at the next boot. Run systemctl start report.timer, then check with systemctl list-timers. Good luck!',
  },
  {
    q1: 'You can check a calendar expression with the command and it shows the normalized form and the next elapse time.',
    q2: '',
    q3: 'The colleague is right about everything.',
    q4: 'A service does not read your shell start-up files. Its environment is almost empty and its PATH is different.',
    q5: 'Nothing happens.',
    q6: 'Hello Marco, try to restart the server.',
  },
  {
    q1: 'Mon..Fri 06:30',
    q2: 'Enable the timer.',
    q3: 'No.',
    q4: 'PATH.',
    q5: 'Lost.',
    q6: 'Start the timer.',
  },
];

export interface Staff {
  admin: Login;
  adminId: number;
  correctors: { id: number; login: Login }[];
  outsider: { id: number; login: Login };
  proctor: Login;
}

export interface Scenario extends Staff {
  sessionId: number;
  candidates: { id: number; code: string }[];
}

/** Accounts are slow to make (scrypt at OWASP's cost): a test file makes them once and opens a session per test. */
export async function makeStaff(app: LecternApp): Promise<Staff> {
  const adminAccount = await createStaff(app, 'admin');
  const correctorAccounts = [await createStaff(app, 'corrector', 'corr-a'), await createStaff(app, 'corrector', 'corr-b'), await createStaff(app, 'corrector', 'corr-c')];
  const outsiderAccount = await createStaff(app, 'corrector', 'corr-out');
  const proctorAccount = await createStaff(app, 'proctor');
  const correctors = [];
  for (const a of correctorAccounts) correctors.push({ id: a.id, login: await loginStaff(app, a.username, a.password) });
  return {
    admin: await loginStaff(app, adminAccount.username, adminAccount.password),
    adminId: adminAccount.id,
    correctors,
    outsider: { id: outsiderAccount.id, login: await loginStaff(app, outsiderAccount.username, outsiderAccount.password) },
    proctor: await loginStaff(app, proctorAccount.username, proctorAccount.password),
  };
}

/** A session of the DevOps pack whose candidates wrote `sampleAnswers`, started and ended. */
export async function endedSession(app: LecternApp, staff: Staff, options: { count?: number; names?: boolean; packId?: string; answers?: Record<string, string>[] } = {}): Promise<Scenario> {
  const count = options.count ?? 3;
  const { admin } = staff;
  const created = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    headers: admin.headers,
    payload: {
      packId: options.packId ?? PACK,
      room: 'B12',
      candidates: Array.from({ length: count }, (_, i) => ({ workstation: `PC-${i + 1}`, ...(options.names ? { fullName: `Candidate Name${i + 1} Dupont` } : {}) })),
    },
  });
  if (created.statusCode !== 200) throw new Error(created.body);
  const session = created.json<{ id: number; candidates: { id: number; code: string }[] }>();
  const started = await app.inject({ method: 'POST', url: `/api/sessions/${session.id}/start`, headers: admin.headers, payload: {} });
  if (started.statusCode !== 200) throw new Error(started.body);
  await Promise.all(
    session.candidates.flatMap((c, i) =>
      Object.entries((options.answers ?? sampleAnswers)[i % (options.answers ?? sampleAnswers).length]!).map(([questionId, text]) =>
        app.answers.save({ candidateId: c.id, questionId, revision: 1, text, receivedAt: Date.now(), late: false }),
      ),
    ),
  );
  const ended = await app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: admin.headers, payload: {} });
  if (ended.statusCode !== 200) throw new Error(ended.body);
  return { ...staff, sessionId: session.id, candidates: session.candidates.map((c) => ({ id: c.id, code: c.code })) };
}

export async function distribute(app: LecternApp, s: Scenario, correctorIds: number[], doubleMarking: boolean) {
  const response = await app.inject({ method: 'POST', url: `/api/grading/sessions/${s.sessionId}/distribution`, headers: s.admin.headers, payload: { correctorIds, doubleMarking } });
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json();
}

/** Every key point at one level, every interpretation the same, and the four writing bands. */
export function fullMarks(level: 'found' | 'partly' | 'missing', bands: [number, number, number, number], interpretation: AnswerMark['interpretation'] = 'correct') {
  const kpCounts: Record<string, number> = { q1: 4, q2: 4, q3: 4, q4: 3, q5: 3, q6: 4 };
  const answers = Object.fromEntries(
    Object.entries(kpCounts).map(([q, n]) => [q, { keyPoints: Object.fromEntries(Array.from({ length: n }, (_, i) => [`kp${i + 1}`, level])), interpretation, comment: '' }]),
  );
  const script: ScriptMark = { writing: { 'writing-b1': { task: bands[0], organisation: bands[1], range: bands[2], accuracy: bands[3] } }, competence: {}, comment: '' };
  return { answers, script };
}

/** Saves a whole reading of one script (answered questions only) and finishes it. */
export async function gradeScript(app: LecternApp, login: Login, sessionId: number, candidateId: number, marks: ReturnType<typeof fullMarks>, finish = true) {
  const answered = new Set(app.exam.answers(candidateId).filter((a) => a.text.trim() !== '').map((a) => a.questionId));
  for (const [questionId, mark] of Object.entries(marks.answers)) {
    if (!answered.has(questionId)) continue;
    const r = await app.inject({ method: 'POST', url: `/api/grading/sessions/${sessionId}/answer-marks`, headers: login.headers, payload: { candidateId, questionId, revision: 1, ...mark } });
    if (r.statusCode !== 200) throw new Error(`answer mark ${questionId}: ${r.body}`);
  }
  const r = await app.inject({ method: 'POST', url: `/api/grading/sessions/${sessionId}/script-marks`, headers: login.headers, payload: { candidateId, revision: 1, ...marks.script } });
  if (r.statusCode !== 200) throw new Error(`script mark: ${r.body}`);
  if (finish) {
    const f = await app.inject({ method: 'POST', url: `/api/grading/sessions/${sessionId}/scripts/${candidateId}/finish`, headers: login.headers, payload: {} });
    if (f.statusCode !== 200) throw new Error(`finish: ${f.body}`);
    return f.json<{ status: string }>();
  }
  return null;
}
