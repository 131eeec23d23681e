// `npm run backup [-- --data DIR] [--backup-dir DIR]`: one backup now, the same as the server's
// scheduled ones (checked, named with its time, with its manifest, rotated). It may run while
// the server runs: the copy is SQLite's online backup from its own connection.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../contract/i18n/catalogue.js';
import { takeBackup } from '../db/backup/take-backup.js';
import { consoleLanguage } from '../db/start-failure.js';
import { backupRotation } from '../privacy/backup-retention.js';
import { readRetentionPolicy } from '../privacy/retention-policy.js';

async function main(): Promise<number> {
  const language = consoleLanguage();
  const { values } = parseArgs({ options: { data: { type: 'string' }, 'backup-dir': { type: 'string' } }, strict: true });
  const dataDir = resolve(values.data ?? process.env.LECTERN_DATA_DIR ?? './data');
  const database = join(dataDir, 'lectern.sqlite');
  if (!existsSync(database)) {
    console.error(translate(language, 'backup.no-database', { dataDir }));
    return 1;
  }
  const secondary = values['backup-dir'] ?? process.env.LECTERN_BACKUP_DIR;
  try {
    const outcome = await takeBackup(database, { primary: join(dataDir, 'backups'), secondary: secondary ? resolve(secondary) : undefined, sealTo: process.env.LECTERN_SEAL_RECIPIENT?.trim() || undefined, rotation: backupRotation(readRetentionPolicy(process.env)) }, 'on-demand');
    const m = outcome.manifest;
    console.log(translate(language, 'backup.done', { file: outcome.written[0]!, bytes: m.bytes, head: m.auditHead ?? '-' }));
    for (const copy of outcome.written.slice(1)) console.log(translate(language, 'backup.second-copy', { file: copy }));
    if (outcome.secondaryError) console.error(translate(language, 'backup.second-failed', { message: outcome.secondaryError }));
    return outcome.secondaryError ? 1 : 0;
  } catch (err) {
    console.error(translate(language, 'backup.failed', { message: err instanceof Error ? err.message : String(err) }));
    return 1;
  }
}

process.exitCode = await main();
