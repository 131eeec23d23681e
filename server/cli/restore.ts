// `npm run restore -- <backup file> [--data DIR]`: puts a backup in place as the data folder's
// database. Refuses a file that fails SQLite's integrity check or no longer matches its manifest,
// and refuses while a server runs on the folder. The database it replaces is kept aside.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../contract/i18n/catalogue.js';
import { restoreBackup, type RestoreRefusal } from '../db/backup/restore.js';
import { consoleLanguage } from '../db/start-failure.js';
import type { Language } from '../contract/i18n/format.js';

function refusalText(language: Language, r: RestoreRefusal, keyFile: string | undefined): string {
  switch (r.reason) {
    case 'missing':
      return translate(language, 'restore.missing', { file: r.file });
    case 'damaged':
      return translate(language, 'restore.damaged', { file: r.file, problem: r.problem });
    case 'altered':
      return translate(language, 'restore.altered', { file: r.file });
    case 'server-running':
      return translate(language, 'restore.server-running', { pid: r.pid, dataDir: r.dataDir });
    case 'needs-key':
      return translate(language, 'restore.needs-key', { file: r.file });
    case 'bad-key':
      return translate(language, 'restore.bad-key', { key: keyFile ?? '' });
    case 'wrong-key':
      return translate(language, 'restore.wrong-key', { key: keyFile ?? '', file: r.file });
    case 'sealed-damaged':
      return translate(language, 'restore.sealed-damaged', { file: r.file });
  }
}

async function main(): Promise<number> {
  const language = consoleLanguage();
  const { values, positionals } = parseArgs({ options: { data: { type: 'string' }, key: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) {
    console.error(translate(language, 'restore.usage'));
    return 2;
  }
  const dataDir = resolve(values.data ?? process.env.LECTERN_DATA_DIR ?? './data');
  // The coordinator's secret key, for a sealed backup: a file they bring (never typed on the command line).
  const keyFile = values.key ?? process.env.LECTERN_SEAL_IDENTITY_FILE;
  const identity = keyFile && existsSync(keyFile) ? readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))?.trim() ?? '' : undefined;
  const result = await restoreBackup(resolve(positionals[0]!), dataDir, identity === undefined ? {} : { identity });
  if (!result.ok) {
    console.error(refusalText(language, result.refusal, keyFile));
    return 1;
  }
  console.log(translate(language, 'restore.done', { file: result.databaseFile, head: result.auditHead ?? '-' }));
  if (result.replaced) console.log(translate(language, 'restore.kept-aside', { file: result.replaced }));
  return 0;
}

process.exitCode = await main();
