// `npm run purge -- [--before YYYY-MM-DD] [--force] [--dry-run] [--data DIR] [--lang fr|en]`:
// deletes candidates' data of ended sessions, from the coordinator's console. Without --before,
// each kind goes at its retention period (server/privacy/retention-policy.ts). It may run while
// the server runs: SQLite's WAL lets the purge's transactions wait for the writers.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.js';
import { closeDatabase } from '../db/connection.js';
import { AuditLog } from '../audit/audit-log.js';
import { translate } from '../contract/i18n/catalogue.js';
import type { Language } from '../contract/i18n/format.js';
import { Purge, purgeBefore, purgeByPolicy, type PlannedSession, type PurgedSession } from '../privacy/purge.js';
import { cutoff, readRetentionPolicy } from '../privacy/retention-policy.js';
import { parseDay } from '../privacy/days.js';
import { expireBackups } from '../privacy/backup-retention.js';
import { runningServer } from '../db/data-lock.js';

function describe(lang: Language, s: PlannedSession | PurgedSession, dryRun: boolean): string[] {
  const day = (ms: number | null) => (ms === null ? translate(lang, 'privacy.notEnded') : new Date(ms).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB'));
  const lines = [translate(lang, 'privacy.cli.session', { code: s.code, title: s.title, ended: day(s.endedAt) })];
  const steps = s.steps.map((step) => translate(lang, `privacy.step.${step}`)).join(', ');
  if (s.steps.length > 0) lines.push(translate(lang, dryRun ? 'privacy.cli.wouldDelete' : 'privacy.cli.steps', { steps }));
  for (const k of s.skipped) lines.push(translate(lang, 'privacy.cli.skipped', { step: translate(lang, `privacy.step.${k.step}`), why: translate(lang, `privacy.skip.${k.why}`) }));
  if ('removed' in s && Object.keys(s.removed).length > 0) {
    lines.push(translate(lang, 'privacy.cli.removed', { counts: Object.entries(s.removed).map(([table, n]) => `${table} ${n}`).join(', ') }));
  }
  return lines;
}

/**
 * Earlier revisions of a purged answer can stay readable in the file's free space: the file is
 * rewritten, but only with no server on the folder (it holds the write lock while it copies).
 */
function compactUnlessServing(purge: Purge, dataDir: string, language: Language, print: (line: string) => void): void {
  const pid = runningServer(dataDir);
  if (pid !== null) {
    print(translate(language, 'privacy.cli.notCompacted', { pid }));
    return;
  }
  purge.compact();
  print(translate(language, 'privacy.cli.compacted'));
}

/** Runs the command; returns the exit code. Output goes through `print` so a test can read it. */
export function runPurge(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void, now = Date.now()): number {
  const lang: Language = (env.LECTERN_LANG === 'en' ? 'en' : 'fr');
  let values;
  try {
    values = parseArgs({ args: argv, options: { before: { type: 'string' }, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, data: { type: 'string' }, lang: { type: 'string' } }, strict: true }).values;
  } catch {
    print(translate(lang, 'privacy.cli.usage'));
    return 2;
  }
  const language: Language = values.lang === 'en' ? 'en' : values.lang === 'fr' ? 'fr' : lang;
  let policy;
  try {
    policy = readRetentionPolicy(env);
  } catch (err) {
    print((err as Error).message);
    return 2;
  }
  let request = purgeByPolicy(policy, now, values.force);
  if (values.before !== undefined) {
    const at = parseDay(values.before);
    if (at === null) {
      print(translate(language, 'privacy.cli.badDate', { value: values.before }));
      return 2;
    }
    if (at > now) {
      print(translate(language, 'privacy.cli.futureDate', { value: values.before }));
      return 2;
    }
    request = purgeBefore(at, values.force);
  }
  const dataDir = resolve(values.data ?? env.LECTERN_DATA_DIR ?? './data');
  const file = join(dataDir, 'lectern.sqlite');
  if (!existsSync(file)) {
    print(translate(language, 'privacy.cli.noDatabase', { dir: dataDir }));
    return 2;
  }
  const db = openDatabase(file);
  try {
    const purge = new Purge(db, new AuditLog(db));
    const dryRun = values['dry-run'];
    const sessions = dryRun ? purge.plan(request) : purge.run(request, { kind: 'console' }, now);
    if (sessions.length === 0) print(translate(language, 'privacy.cli.nothing'));
    else {
      if (dryRun) print(translate(language, 'privacy.cli.plan'));
      for (const s of sessions) for (const line of describe(language, s, dryRun)) print(line);
    }
    // The audit log's own period, whatever --before says.
    const expired = purge.expireAudit(cutoff(policy, 'audit', now), { kind: 'console' }, { dryRun, now });
    if (expired.entries > 0 && expired.throughAt !== null) {
      print(translate(language, dryRun ? 'privacy.cli.auditWouldExpire' : 'privacy.cli.auditExpired', { n: expired.entries, days: policy.audit, through: new Date(expired.throughAt).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB') }));
    }
    // The backups' own period, in both folders: a backup holds everything, purged data included.
    const folders = [join(dataDir, 'backups'), ...(env.LECTERN_BACKUP_DIR ? [resolve(env.LECTERN_BACKUP_DIR)] : [])];
    for (const { dir, files } of expireBackups(folders, policy, dryRun, now)) {
      if (files.length > 0) print(translate(language, dryRun ? 'privacy.cli.backupsWouldExpire' : 'privacy.cli.backupsExpired', { n: files.length, days: policy.backups, dir }));
    }
    if (dryRun) print(translate(language, 'privacy.cli.dryRunHint'));
    else if (sessions.some((s) => s.steps.length > 0)) print(translate(language, 'privacy.cli.backupsNote', { days: policy.backups }));
    // Also when nothing was due this time: the traces may be those of a purge made while a server ran.
    if (!dryRun) compactUnlessServing(purge, dataDir, language, print);
    return 0;
  } finally {
    closeDatabase(db);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runPurge(process.argv.slice(2), process.env, (line) => console.log(line));
}
