import { generatePassword } from './auth/passwords.js';
import { formatCode } from './contract/rules/code-format.js';
import type { LecternApp } from './app.js';

/** On a fresh database: the `admin` account, with the given password or a generated one (returned to print once). */
export async function ensureAdmin(app: LecternApp, password: string | undefined): Promise<{ created: boolean; password?: string }> {
  if (app.accounts.hasAdmin()) return { created: false };
  const chosen = password ?? generatePassword();
  await app.accounts.upsertFromConsole('admin', 'Administrateur', 'admin', chosen);
  return { created: true, password: password ? undefined : chosen };
}

export interface DemoSetup {
  sessionCode: string;
  sessionId: number;
  candidates: { code: string; workstation: string | null }[];
  proctor: { username: string; password: string };
  corrector: { username: string; password: string };
}

export const DEMO_PACK = 'devops-title-qp';

/** `--demo`: a session of the bundled DevOps pack with 12 candidates, a proctor and a corrector. */
export async function createDemo(app: LecternApp): Promise<DemoSetup> {
  const pack = app.packs.get(DEMO_PACK);
  if (!pack) throw new Error(`The demo needs the bundled pack "${DEMO_PACK}", which is missing or invalid (run npm run content:check).`);
  const proctor = { username: 'proctor', password: generatePassword() };
  const corrector = { username: 'corrector', password: generatePassword() };
  const proctorId = await app.accounts.upsertFromConsole(proctor.username, 'Surveillant (démo)', 'proctor', proctor.password);
  const correctorId = await app.accounts.upsertFromConsole(corrector.username, 'Correcteur (démo)', 'corrector', corrector.password);
  const { session, candidates } = app.exam.createSession({
    pack,
    title: `${pack.title.fr} (démonstration)`,
    room: 'Salle démo',
    candidates: Array.from({ length: 12 }, (_, i) => ({ workstation: `PC-${String(i + 1).padStart(2, '0')}` })),
    proctorIds: [proctorId],
    correctorIds: [correctorId],
    actor: { kind: 'system' },
  });
  return {
    sessionCode: formatCode(session.code),
    sessionId: session.id,
    candidates: candidates.map((c) => ({ code: formatCode(c.code), workstation: c.workstation })),
    proctor,
    corrector,
  };
}
