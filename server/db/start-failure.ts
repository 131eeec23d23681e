// A database that cannot be used at start-up ends the process with one sentence saying what is
// wrong and what to do, no stack trace, and an exit code the service unit does not restart on
// (EXIT_FIX_FIRST: restarting cannot fix a full disk, a read-only folder or a damaged file: it
// would only loop).
import { join } from 'node:path';
import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { listBackups } from './backup/backup-files.js';
import { inspectDatabaseFile } from './backup/inspect.js';

export type StartProblem = 'read-only' | 'disk-full' | 'corrupt' | 'other';

/** The start-up check found the file damaged (PRAGMA quick_check did not answer "ok"). */
export class DatabaseDamagedError extends Error {
  readonly code = 'SQLITE_CORRUPT';
}

const readOnlyCodes = /^(EACCES|EPERM|EROFS|SQLITE_READONLY.*|SQLITE_CANTOPEN.*|SQLITE_PERM)$/;
const fullCodes = /^(ENOSPC|EDQUOT|SQLITE_FULL.*)$/;
const corruptCodes = /^(SQLITE_CORRUPT.*|SQLITE_NOTADB)$/;

/** Which of the known problems an error from opening the database is; `other` for the rest. */
export function startProblemOf(err: unknown): StartProblem {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (readOnlyCodes.test(code)) return 'read-only';
  if (fullCodes.test(code)) return 'disk-full';
  if (corruptCodes.test(code)) return 'corrupt';
  return 'other';
}

/**
 * Whether a start-up error is the database's: SQLite's own, or a file-system refusal on the data
 * folder (creating it, opening the file). An unreadable content folder is not: it keeps its own error.
 */
export function concernsDatabase(err: unknown, dataDir: string): boolean {
  if (typeof err !== 'object' || err === null || !('code' in err) || typeof err.code !== 'string') return false;
  if (err.code.startsWith('SQLITE_')) return true;
  if (!('path' in err) || typeof err.path !== 'string') return false;
  // The folder itself, a file in it, or a parent that `mkdir -p` of the folder could not create.
  const path = err.path;
  return path === dataDir || path.startsWith(dataDir + '/') || dataDir.startsWith(path + '/');
}

/** The newest backup of the given folders that is still intact, checked now. */
export function newestIntactBackup(folders: string[]): string | null {
  const all = folders.flatMap((f) => listBackups(f)).sort((a, b) => b.takenAt - a.takenAt);
  return all.find((b) => inspectDatabaseFile(b.path).intact)?.path ?? null;
}

export interface StartContext {
  dataDir: string;
  databaseFile: string;
  backupDir?: string | undefined;
}

/** The one sentence for the operator. */
export function startFailureSentence(err: unknown, context: StartContext, language: Language): string {
  const { dataDir, databaseFile: file } = context;
  const message = err instanceof Error ? err.message : String(err);
  switch (startProblemOf(err)) {
    case 'read-only':
      return translate(language, 'start.read-only', { dataDir });
    case 'disk-full':
      return translate(language, 'start.disk-full', { dataDir });
    case 'corrupt': {
      const folders = [join(dataDir, 'backups'), ...(context.backupDir ? [context.backupDir] : [])];
      const backup = newestIntactBackup(folders);
      return backup
        ? translate(language, 'start.corrupt', { file, problem: message, backup, dataDir })
        : translate(language, 'start.corrupt-no-backup', { file, problem: message, backups: folders.join(', ') });
    }
    case 'other':
      return translate(language, 'start.other', { file, message });
  }
}

/** The console's language: English when the system says so, French otherwise (the project's default). */
export function consoleLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return /^en/i.test(env.LECTERN_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'en' : 'fr';
}
