// `npm run import-fallback -- <files...> [--data DIR] [--session CODE]`: imports the kiosks' fallback
// files into a restored or replacement server's database (issue 10, item 4). Each file is imported
// whole or refused whole, with one sentence naming it; exit code 0 only when every file imported.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../audit/audit-log.js';
import { fallbackOutcomeText } from '../contract/fallback-text.js';
import { translate, type MessageKey } from '../contract/i18n/catalogue.js';
import type { Params } from '../contract/i18n/format.js';
import { closeDatabase } from '../db/connection.js';
import { openDatabase } from '../db/open-database.js';
import { consoleLanguage } from '../db/start-failure.js';
import { FallbackImport, type FallbackFile } from '../recovery/fallback-import.js';
import { FallbackRepo } from '../recovery/fallback.repo.js';

async function main(): Promise<number> {
  const language = consoleLanguage();
  const t = (key: MessageKey, params?: Params) => translate(language, key, params);
  let parsed;
  try {
    parsed = parseArgs({ options: { data: { type: 'string' }, session: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    console.error(t('fallback.cli.usage'));
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(t('fallback.cli.usage'));
    return 2;
  }
  const dataDir = resolve(parsed.values.data ?? process.env.LECTERN_DATA_DIR ?? './data');
  const databaseFile = join(dataDir, 'lectern.sqlite');
  if (!existsSync(databaseFile)) {
    console.error(t('fallback.cli.no-database', { dataDir }));
    return 2;
  }
  const files: FallbackFile[] = [];
  for (const path of parsed.positionals) {
    try {
      files.push({ name: basename(path), content: readFileSync(path, 'utf8') });
    } catch {
      console.error(t('fallback.cli.missing', { file: path }));
      return 2;
    }
  }
  const db = openDatabase(databaseFile);
  try {
    const importer = new FallbackImport(db, new FallbackRepo(db), new AuditLog(db));
    const outcomes = await importer.importFiles(files, { kind: 'system' }, parsed.values.session ?? null);
    for (const outcome of outcomes) (outcome.outcome === 'imported' ? console.log : console.error)(fallbackOutcomeText(t, outcome));
    return outcomes.every((o) => o.outcome === 'imported') ? 0 : 1;
  } finally {
    closeDatabase(db);
  }
}

process.exitCode = await main();
