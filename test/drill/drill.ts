// The recovery drill (issue 10, item 3): kiosks type; at a random moment the server is killed and
// its data folder deleted; the newest backup of the second folder (the USB key) is restored into
// a new data folder and the server started again on the same address; the kiosks reconnect and
// resynchronise. Measured: characters typed against characters on the server, and the time from
// the restart to every kiosk saved again. And the kill suite: SIGKILLs at random moments on the
// same folder, every acknowledged save checked at its revision, SQLite's integrity check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listBackups } from '../../server/db/backup/backup-files.js';
import { restoreBackup } from '../../server/db/backup/restore.js';
import { httpJson, login, makeAgent } from '../load/http.js';
import { DrillKiosk, scriptFor } from './drill-kiosk.js';
import { BrowserKiosk, serverText, typeInBrowsers, untilAsync, watchBrowserKiosks } from './drill-browser-kiosk.js';
import { launchChromium } from '../helpers/browser.js';
import type { Browser } from 'playwright-core';
import { DRILL_ADMIN_PASSWORD, freePort, killHard, startDrillServer, stopGently, type DrillServer } from './drill-server.js';

const PACK = 'devops-title-qp';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

async function until(ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A running session of `count` candidates, created and started by the admin over HTTP. */
async function startSession(baseUrl: string, count: number): Promise<{ code: string; candidates: string[] }> {
  const http = makeAgent(2);
  try {
    const admin = await login(http, baseUrl, '/api/auth/login', { username: 'admin', password: DRILL_ADMIN_PASSWORD });
    const r = await httpJson<{ id: number; code: string; candidates: { code: string }[] }>(http, baseUrl, 'POST', '/api/sessions', { login: admin, body: { packId: PACK, candidateCount: count, room: 'drill' } });
    if (r.status !== 200) throw new Error(`session creation failed: ${r.status} ${JSON.stringify(r.body)}`);
    const s = await httpJson(http, baseUrl, 'POST', `/api/sessions/${r.body.id}/start`, { login: admin, body: {} });
    if (s.status !== 200) throw new Error(`session start failed: ${s.status}`);
    return { code: r.body.code, candidates: r.body.candidates.map((c) => c.code) };
  } finally {
    http.destroy();
  }
}

/** Each kiosk types one character at its own pace (5 to 12 a second) until told to stop. */
function typeUntil(kiosks: DrillKiosk[], scripts: string[][], stop: () => boolean): Promise<void> {
  return Promise.all(
    kiosks.map(async (k, i) => {
      while (!stop()) {
        if (!k.typeOne(scripts[i]!)) return;
        await sleep(between(80, 200));
      }
    }),
  ).then(() => undefined);
}

interface ServerAnswerRow {
  session_code: string;
  candidate_code: string;
  question_id: string;
  text: string;
  revision: number;
}

/** The answers on the server, read from its file once it has stopped; and SQLite's integrity check. */
function answersOnServer(file: string): { answers: Map<string, ServerAnswerRow>; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare<[], ServerAnswerRow>('SELECT s.code AS session_code, c.code AS candidate_code, a.question_id, a.text, a.revision FROM answers a JOIN candidates c ON c.id = a.candidate_id JOIN exam_sessions s ON s.id = c.session_id')
      .all();
    const integrity = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').get()!.integrity_check;
    return { answers: new Map(rows.map((r) => [`${bareCode(r.candidate_code)}/${r.question_id}`, r])), integrity };
  } finally {
    db.close();
  }
}

/** A candidate code as stored, without the dash it is printed with. */
const bareCode = (code: string) => code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export interface DrillResult {
  kiosks: number;
  /** Of them, real Chromium kiosks. */
  browserKiosks: number;
  /** The Chromium kiosks' share of the characters typed and on the server. */
  browserTypedChars: number;
  browserServerChars: number;
  typedChars: number;
  serverChars: number;
  /** Answers whose text on the server is not what the kiosk shows. */
  differing: string[];
  /** Characters the kiosks had seen acknowledged before the kill that the restored backup lacked. */
  ackedMissingFromBackup: number;
  /** From the restarted server answering to every kiosk saved again (ms). */
  resumeMs: number;
  /** The backup restored: its age when the server was killed (ms). */
  backupAgeMs: number;
  integrity: string;
}

export interface DrillOptions {
  kiosks?: number;
  /** Typing before the kill: a random moment in this range (ms). */
  killWindowMs?: [number, number];
  /** Typing after the restart (ms). */
  afterMs?: number;
  charsPerQuestion?: number;
  backupIntervalS?: number;
  /** Real Chromium kiosks typing beside the simulated ones (default 2). */
  browserKiosks?: number;
  log?: (line: string) => void;
}

export async function runDrill(options: DrillOptions = {}): Promise<DrillResult> {
  const log = options.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), 'lectern-drill-'));
  const usb = join(root, 'usb-key');
  const port = await freePort();
  const backupIntervalS = options.backupIntervalS ?? 1;
  let server: DrillServer | null = null;
  const kiosks: DrillKiosk[] = [];
  const browserKiosks: BrowserKiosk[] = [];
  let browser: Browser | null = null;
  try {
    const browsers = options.browserKiosks ?? 2;
    [server, browser] = await Promise.all([startDrillServer({ dataDir: join(root, 'data-1'), port, backupDir: usb, backupIntervalS }), browsers > 0 ? launchChromium() : null]);
    const session = await startSession(server.baseUrl, (options.kiosks ?? 30) + browsers);
    for (const code of session.candidates.slice(browsers)) kiosks.push(new DrillKiosk(server.baseUrl, session.code, code));
    session.candidates.slice(0, browsers).forEach((code, i) => browserKiosks.push(new BrowserKiosk(code, 1000 + i)));
    await Promise.all([...kiosks.map((k) => k.start()), ...browserKiosks.map((k) => k.start(browser!, server!.baseUrl, session.code))]);
    const scripts = kiosks.map((k, i) => scriptFor(i, k.questionIds.length, options.charsPerQuestion ?? 60));
    // The logins are in a backup before the kill can come: the restored server knows the kiosks.
    const loggedInAt = Date.now();
    await until(() => listBackups(usb).some((b) => b.takenAt > loggedInAt), 60_000, 'a backup after the logins');
    log(`${kiosks.length} kiosks logged in; typing.`);

    let stopTyping = false;
    const typing = Promise.all([typeUntil(kiosks, scripts, () => stopTyping), typeInBrowsers(browserKiosks, () => stopTyping)]);
    const [min, max] = options.killWindowMs ?? [3000, 8000];
    await sleep(between(min, max));
    // On a loaded machine the saves can lag: the kill waits (a few seconds at most) for a save
    // acknowledged after the newest backup, so the restored server lacks text only a kiosk holds.
    const ackedSinceBackup = () => {
      const newestAt = listBackups(usb)[0]?.takenAt ?? 0;
      return kiosks.some((k) => k.ackTimes.some((t) => performance.timeOrigin + t > newestAt + 500));
    };
    await until(ackedSinceBackup, 8000, 'a save acknowledged after the newest backup').catch(() => log('No save acknowledged after the newest backup: killing anyway.'));
    await killHard(server.child);
    const killedAt = Date.now();
    rmSync(join(root, 'data-1'), { recursive: true, force: true });
    const newest = listBackups(usb)[0]!;
    log(`Server killed, data folder deleted; restoring ${newest.file} (${killedAt - newest.takenAt} ms old).`);
    // What the kiosks had acknowledged at the kill and the backup lacks: only they can give it back.
    const ackedAtKill = kiosks.map((k) => k.newestAcked());
    const inBackup = answersOnServer(newest.path).answers;
    let ackedMissingFromBackup = 0;
    kiosks.forEach((k, i) => {
      for (const [questionId, text] of ackedAtKill[i]!) ackedMissingFromBackup += text.length - commonPrefix(text, inBackup.get(`${bareCode(k.candidateCode)}/${questionId}`)?.text ?? '');
    });
    const restored = await restoreBackup(newest.path, join(root, 'data-2'));
    if (!restored.ok) throw new Error(`restore refused: ${JSON.stringify(restored.refusal)}`);
    server = await startDrillServer({ dataDir: join(root, 'data-2'), port, backupDir: usb, backupIntervalS });
    const restartedAt = performance.now();
    log('Server restarted on the same address.');
    // A Chromium kiosk is saved again once the server holds all it had typed at the restart.
    const browserResumed = watchBrowserKiosks(browserKiosks, join(root, 'data-2', 'lectern.sqlite'), restartedAt);

    // Every kiosk saved again: back online, and nothing it holds waits for the server.
    await sleep(options.afterMs ?? 3000);
    stopTyping = true;
    await typing;
    await until(() => kiosks.every((k) => k.settled), 60_000, 'every kiosk saved again');
    // Each kiosk's first save acknowledged by the restarted server (a kiosk that had finished
    // typing before the kill has nothing to save again, and is left out).
    const resumed = [...kiosks.map((k) => k.firstAckAfter(restartedAt)), ...(await browserResumed)].filter((t) => t !== null);
    const resumeMs = resumed.length ? Math.max(...resumed) - restartedAt : 0;
    // Every character a Chromium kiosk typed is in its field and on the server before it stops.
    await untilAsync(async () => (await Promise.all(browserKiosks.map(async (k) => serverText(join(root, 'data-2', 'lectern.sqlite'), k.candidateCode) === k.typed && (await k.field()) === k.typed))).every(Boolean), 60_000, 'every Chromium kiosk saved');
    await stopGently(server.child);
    server = null;

    const { answers, integrity } = answersOnServer(join(root, 'data-2', 'lectern.sqlite'));
    let typedChars = 0;
    let serverChars = 0;
    const differing: string[] = [];
    for (const k of kiosks) {
      k.typed.forEach((text, q) => {
        const row = answers.get(`${bareCode(k.candidateCode)}/${k.questionIds[q]}`);
        typedChars += text.length;
        serverChars += commonPrefix(text, row?.text ?? '');
        if (text !== (row?.text ?? '')) differing.push(`${k.candidateCode}/${k.questionIds[q]}: typed ${text.length}, server ${row?.text.length ?? 0}`);
      });
    }
    let browserTypedChars = 0;
    let browserServerChars = 0;
    for (const k of browserKiosks) {
      const row = [...answers.values()].find((r) => bareCode(r.candidate_code) === bareCode(k.candidateCode) && r.question_id === 'q1');
      browserTypedChars += k.typed.length;
      browserServerChars += commonPrefix(k.typed, row?.text ?? '');
      if (k.typed !== (row?.text ?? '')) differing.push(`${k.candidateCode}/q1 (Chromium): typed ${k.typed.length}, server ${row?.text.length ?? 0}`);
    }
    typedChars += browserTypedChars;
    serverChars += browserServerChars;
    return {
      kiosks: kiosks.length + browserKiosks.length,
      browserKiosks: browserKiosks.length,
      browserTypedChars,
      browserServerChars,
      typedChars,
      serverChars,
      ackedMissingFromBackup,
      differing,
      resumeMs: Math.round(resumeMs),
      backupAgeMs: killedAt - newest.takenAt,
      integrity,
    };
  } finally {
    await Promise.all(browserKiosks.map((k) => k.close()));
    await browser?.close();
    for (const k of kiosks) k.close();
    if (server) await killHard(server.child);
    rmSync(root, { recursive: true, force: true });
  }
}

export interface KillSuiteResult {
  kills: number;
  ackedSaves: number;
  /** Acknowledged saves the server does not hold at their revision (or a newer one). */
  lost: string[];
  integrity: string;
  /** `restore` into the folder of the running server was refused (its pid file names it). */
  restoreRefusedWhileRunning: boolean;
}

/** SIGKILLs at random moments on one data folder, kiosks typing throughout. */
export async function runKillSuite(options: { kills?: number; candidates?: number; log?: (line: string) => void } = {}): Promise<KillSuiteResult> {
  const log = options.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), 'lectern-kills-'));
  const port = await freePort();
  const serverOptions = { dataDir: join(root, 'data'), port, backupDir: join(root, 'usb-key'), backupIntervalS: 60 };
  let server: DrillServer | null = null;
  const kiosks: DrillKiosk[] = [];
  try {
    server = await startDrillServer(serverOptions);
    const session = await startSession(server.baseUrl, options.candidates ?? 20);
    for (const code of session.candidates) kiosks.push(new DrillKiosk(server.baseUrl, session.code, code));
    await Promise.all(kiosks.map((k) => k.start()));
    const scripts = kiosks.map((k, i) => scriptFor(i, k.questionIds.length, 400));
    // The session's first backup (taken as it starts), restored onto the running server's folder: refused.
    await until(() => listBackups(join(serverOptions.dataDir, 'backups')).length > 0, 60_000, 'the session’s first backup');
    const attempt = await restoreBackup(listBackups(join(serverOptions.dataDir, 'backups'))[0]!.path, serverOptions.dataDir);
    const restoreRefusedWhileRunning = !attempt.ok && attempt.refusal.reason === 'server-running';
    let stopTyping = false;
    const typing = typeUntil(kiosks, scripts, () => stopTyping);
    const kills = options.kills ?? 10;
    for (let i = 1; i <= kills; i++) {
      await sleep(between(300, 2500));
      await killHard(server.child);
      log(`kill ${i}/${kills}`);
      server = await startDrillServer(serverOptions);
    }
    await sleep(1500);
    stopTyping = true;
    await typing;
    await until(() => kiosks.every((k) => k.settled), 60_000, 'every kiosk saved');
    await killHard(server.child);
    server = null;
    const { answers, integrity } = answersOnServer(join(root, 'data', 'lectern.sqlite'));
    const lost: string[] = [];
    let ackedSaves = 0;
    for (const k of kiosks) {
      for (const [key, text] of k.acked) {
        ackedSaves++;
        const [questionId, revision] = [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))];
        const row = answers.get(`${bareCode(k.candidateCode)}/${questionId}`);
        if (!row || row.revision < revision || (row.revision === revision && row.text !== text)) lost.push(`${k.candidateCode}/${key}`);
      }
    }
    return { kills, ackedSaves, lost, integrity, restoreRefusedWhileRunning };
  } finally {
    for (const k of kiosks) k.close();
    if (server) await killHard(server.child);
    rmSync(root, { recursive: true, force: true });
  }
}
