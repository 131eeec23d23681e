import { generatePassword } from './auth/passwords.js';
import { formatCode } from './contract/rules/code-format.js';
import { join } from 'node:path';
import type { LecternApp } from './app.js';
import type { LecternConfig } from './config.js';
import { databaseFile } from './db/connection.js';
import { startBackupScheduler, type BackupScheduler } from './db/backup/scheduler.js';
import { backupRotation } from './privacy/backup-retention.js';

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

/**
 * Backups while a session runs (server/db/backup/scheduler.ts): every `backupIntervalMs` into
 * `<data>/backups` and the second folder if any, and as each session ends. Each is logged with its
 * manifest (its audit head included); a failure is logged as an error and the next one is tried.
 */
export function startBackups(app: LecternApp, config: Pick<LecternConfig, 'dataDir' | 'backupDir' | 'backupIntervalMs' | 'sealRecipient'>): BackupScheduler {
  const scheduler = startBackupScheduler({
    databaseFile: databaseFile(app.db),
    targets: { primary: join(config.dataDir, 'backups'), secondary: config.backupDir, sealTo: config.sealRecipient, rotation: backupRotation(app.privacy.policy) },
    intervalMs: config.backupIntervalMs,
    activeSessions: () => app.exam.sessions().filter((s) => s.state === 'running' || s.state === 'paused').map((s) => s.id),
    onBackup: (o) => {
      app.log.info({ backup: o.manifest }, `backup ${o.manifest.file} (${o.manifest.reason})`);
      if (o.secondaryError) app.log.error(`backup: the second folder ${config.backupDir} did not take ${o.manifest.file}: ${o.secondaryError}`);
    },
    onError: (message) => app.log.error(`backup failed: ${message}`),
  });
  // Before the database closes: a backup under way finishes first.
  app.addHook('onClose', () => scheduler.stop());
  return scheduler;
}
