import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../server/db/connection.js';
import { openDatabase } from '../../../server/db/open-database.js';
import { runPurge } from '../../../server/cli/purge.js';
import { parseDay } from '../../../server/privacy/days.js';
import { backupBaseName } from '../../../server/db/backup/backup-files.js';
import { countsOf, full, seedSessions } from './purge-fixture.js';

const NOW = new Date(2026, 11, 1, 12).getTime();

describe('npm run purge', () => {
  let dir: string;
  let ids: Map<string, number>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-purge-cli-'));
    const db = openDatabase(join(dir, 'lectern.sqlite'));
    ids = seedSessions(db, [
      { code: 'JAN', endedAt: new Date(2026, 0, 15).getTime(), juryExported: true },
      { code: 'NOV', endedAt: new Date(2026, 10, 20).getTime(), juryExported: true },
    ]);
    closeDatabase(db);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const lines: string[] = [];
    const code = runPurge([...args, '--data', dir], env, (line) => lines.push(line), NOW);
    return { code, out: lines.join('\n') };
  }

  function counts(code: string) {
    const db = openDatabase(join(dir, 'lectern.sqlite'));
    try {
      return countsOf(db, ids.get(code)!);
    } finally {
      closeDatabase(db);
    }
  }

  it('--dry-run says what would go, in French, and deletes nothing', () => {
    const { code, out } = run(['--before', '2026-06-01', '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain('Ce qui serait supprimé');
    expect(out).toContain('Session JAN « Session JAN »');
    expect(out).toContain('à supprimer : surveillance, copies et notes, noms');
    expect(out).not.toContain('NOV');
    expect(counts('JAN')).toEqual(full);
  });

  it('--before deletes the sessions ended before the date and says what it removed, in English when asked', () => {
    const { code, out } = run(['--before', '2026-06-01', '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('deleted: monitoring, scripts and marks, names');
    expect(out).toContain('answers 2');
    expect(out).toContain('Backups taken before today still hold this data until they expire (30 days).');
    expect(counts('JAN')).toMatchObject({ names: 0, answers: 0, events: 0 });
    expect(counts('NOV')).toEqual(full);
  });

  it('without --before, follows the retention periods: the January session loses its monitoring only', () => {
    // January 15 to December 1: more than 90 days (monitoring), less than 365 (answers, names).
    run([]);
    expect(counts('JAN')).toMatchObject({ events: 0, messages: 0, incidents: 0, answers: 2, names: 2 });
    expect(counts('NOV')).toEqual(full);
  });

  it('a retention period set in the environment is followed', () => {
    run([], { LECTERN_RETAIN_ANSWERS_DAYS: '200', LECTERN_RETAIN_NAMES_DAYS: '200' });
    expect(counts('JAN')).toMatchObject({ answers: 0, names: 0 });
  });

  it('refuses a date it cannot read, a date in the future, a bad period and a folder without a database, each in one sentence', () => {
    expect(run(['--before', '01/06/2026'])).toEqual({ code: 2, out: 'La date « 01/06/2026 » n’est pas lisible : écrivez-la AAAA-MM-JJ, par exemple 2026-01-31.' });
    expect(run(['--before', '2026-02-30']).code).toBe(2);
    expect(run(['--before', '2027-01-01']).out).toBe('La date 2027-01-01 est dans le futur : une purge ne porte que sur des sessions déjà terminées.');
    expect(run([], { LECTERN_RETAIN_MONITORING_DAYS: 'ninety' }).out).toBe('LECTERN_RETAIN_MONITORING_DAYS must be a whole number of days, 1 or more; found "ninety".');
    const lines: string[] = [];
    expect(runPurge(['--data', join(dir, 'nowhere')], {}, (l) => lines.push(l), NOW)).toBe(2);
    expect(lines[0]).toBe(`Aucune base Lectern dans ${join(dir, 'nowhere')} : indiquez le dossier de données avec --data.`);
    expect(counts('JAN')).toEqual(full);
  });

  it('reads a day as the start of that day, and refuses days that do not exist', () => {
    expect(parseDay('2026-03-01')).toBe(new Date(2026, 2, 1).getTime());
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('2026-1-01')).toBeNull();
  });

  it('an unknown option prints the usage', () => {
    const { code, out } = run(['--everything']);
    expect(code).toBe(2);
    expect(out).toContain('Usage : npm run purge');
  });
  /** A checked backup as the server leaves it: the copy and its manifest, taken at `at`. */
  function backupAt(folder: string, at: number): string {
    mkdirSync(folder, { recursive: true });
    const file = `${backupBaseName(at)}.sqlite`;
    writeFileSync(join(folder, file), 'copy');
    writeFileSync(join(folder, file.replace('.sqlite', '.json')), JSON.stringify({ file, takenAt: at, takenAtText: new Date(at).toISOString(), reason: 'session-end', bytes: 4, sha256: 'x', integrity: 'ok', auditHead: null }));
    return file;
  }

  it('rewrites the database file after a purge when no server runs, so earlier revisions of an answer go too', () => {
    const db = openDatabase(join(dir, 'lectern.sqlite'));
    // Each save rewrites the row, as the answer writer does; long enough to spill into overflow pages.
    const update = db.$client.prepare<[string, string]>('UPDATE answers SET text = ? WHERE candidate_id IN (SELECT id FROM candidates WHERE code = ?)');
    const essay = 'The timer unit starts the service at the set time. '.repeat(200);
    for (const n of [1, 2]) for (const words of ['draft', 'draft that grows longer', 'final']) update.run(`Answer of JAN ${n}, ${words}: ${essay}`, `JANC${n}`);
    closeDatabase(db);
    const { code, out } = run(['--before', '2026-06-01', '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('Database file rewritten: nothing of the deleted data stays readable in its free space.');
    const file = readFileSync(join(dir, 'lectern.sqlite')).toString('latin1');
    expect(file).not.toContain('Answer of JAN');
    expect(file).not.toContain('Candidate JAN');
    expect(file).toContain('Answer of NOV 1');
  });

  it('leaves the file as it is while a server runs on the folder, and says how to rewrite it', () => {
    // A live process stands for the server: this test's own parent.
    writeFileSync(join(dir, 'lectern.pid'), `${process.ppid}\n`);
    const dry = run(['--before', '2026-06-01', '--dry-run']);
    expect(dry.out).not.toContain('réécrit');
    const { code, out } = run(['--before', '2026-06-01']);
    expect(code).toBe(0);
    expect(out).toContain(`Un serveur tourne sur ce dossier (processus ${process.ppid}) : le fichier de la base n’a pas été réécrit`);
    expect(out).toContain('Relancez npm run purge serveur arrêté pour le réécrire.');
    expect(counts('JAN')).toMatchObject({ names: 0, answers: 0 });
    // Run again once the server has stopped: nothing is due any more, the file is rewritten all the same.
    rmSync(join(dir, 'lectern.pid'));
    const again = run(['--before', '2026-06-01']);
    expect(again.out).toContain('Aucune session n’a de données à supprimer à cette date.');
    expect(again.out).not.toContain('Les sauvegardes faites avant aujourd’hui');
    expect(again.out).toContain('Fichier de la base réécrit');
  });

  it('deletes backups older than their period in both folders, keeps the newest of each, and only lists them on a dry run', () => {
    const usb = mkdtempSync(join(tmpdir(), 'lectern-purge-usb-'));
    try {
      const primary = join(dir, 'backups');
      const old = backupAt(primary, new Date(2026, 9, 1).getTime());
      const recent = backupAt(primary, new Date(2026, 10, 25).getTime());
      const onlyOnUsb = backupAt(usb, new Date(2026, 8, 1).getTime());
      const env = { LECTERN_BACKUP_DIR: usb };

      const dry = run(['--dry-run'], env);
      expect(dry.out).toContain(`1 sauvegarde de plus de 30 jours serait supprimée dans ${primary}.`);
      expect(existsSync(join(primary, old))).toBe(true);

      const { code, out } = run([], env);
      expect(code).toBe(0);
      expect(out).toContain(`1 sauvegarde de plus de 30 jours supprimée dans ${primary}.`);
      expect(readdirSync(primary).sort()).toEqual([recent.replace('.sqlite', '.json'), recent]);
      // The USB key's only backup is old, but it is its newest good one: it stays.
      expect(existsSync(join(usb, onlyOnUsb))).toBe(true);
      expect(out).not.toContain(usb);
    } finally {
      rmSync(usb, { recursive: true, force: true });
    }
  });
});

// A session ended just before the date counts, one ended on the date does not.
describe('purge boundary', () => {
  it('uses the end of the session, strictly before the date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-purge-edge-'));
    try {
      const db = openDatabase(join(dir, 'lectern.sqlite'));
      const day = new Date(2026, 5, 1).getTime();
      const ids = seedSessions(db, [
        { code: 'BEFORE', endedAt: day - 1, juryExported: true },
        { code: 'ON', endedAt: day, juryExported: true },
      ]);
      closeDatabase(db);
      runPurge(['--before', '2026-06-01', '--data', dir], {}, () => undefined, NOW);
      const again = openDatabase(join(dir, 'lectern.sqlite'));
      expect(countsOf(again, ids.get('BEFORE')!).answers).toBe(0);
      expect(countsOf(again, ids.get('ON')!).answers).toBe(2);
      closeDatabase(again);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
