// A real Chromium kiosk in the drill (issue 10, item 3): the kiosk's page as a candidate uses it
// (login, notice, exam), typing one key at a time into its first answer through the kill, the
// deletion of the data folder, the restore and the restart. Its characters are counted with the
// simulated kiosks' and compared with the server's.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { scriptFor } from './drill-kiosk.js';
import { enterKiosk } from '../helpers/browser-logins.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
/** A candidate code as stored, without the dash it is printed with. */
const bareCode = (code: string) => code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

export class BrowserKiosk {
  /** What the candidate has typed into the first answer. */
  typed = '';
  private readonly script: string;
  private context: BrowserContext | null = null;
  private page: Page | null = null;

  constructor(
    readonly candidateCode: string,
    seed: number,
  ) {
    // One long answer: the candidate is still typing when the server goes and when it comes back.
    this.script = scriptFor(seed, 1, 2000)[0]!;
  }

  async start(browser: Browser, baseUrl: string, sessionCode: string): Promise<void> {
    this.context = await browser.newContext();
    const page = (this.page = await this.context.newPage());
    await enterKiosk(page, `${baseUrl}/`, sessionCode, this.candidateCode, { waitingRoom: false });
    await page.locator('textarea').first().click({ timeout: 30_000 });
  }

  /** One keystroke of the script. */
  async typeOne(): Promise<boolean> {
    if (!this.page || this.typed.length >= this.script.length) return false;
    const next = this.script[this.typed.length]!;
    await this.page.keyboard.type(next);
    this.typed += next;
    return true;
  }

  /** The text in the field: what the candidate sees (it must be what was typed). */
  field(): Promise<string> {
    return this.page!.locator('textarea').first().inputValue();
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
  }
}

/** Each Chromium kiosk types one key at a time at a candidate's pace until told to stop. */
export function typeInBrowsers(kiosks: BrowserKiosk[], stop: () => boolean): Promise<void> {
  return Promise.all(
    kiosks.map(async (k) => {
      while (!stop() && (await k.typeOne())) await sleep(between(80, 200));
    }),
  ).then(() => undefined);
}

export async function untilAsync(ok: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A Chromium kiosk's first answer as the running server holds it (read beside it: WAL). */
export function serverText(file: string, candidateCode: string): string | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare<[string], { text: string }>("SELECT a.text FROM answers a JOIN candidates c ON c.id = a.candidate_id WHERE upper(replace(c.code, '-', '')) = ? AND a.question_id = 'q1'")
        .get(bareCode(candidateCode));
      return row?.text ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** When each Chromium kiosk is saved again: the server holds at least what it had typed at the restart. */
export async function watchBrowserKiosks(kiosks: BrowserKiosk[], file: string, restartedAt: number): Promise<(number | null)[]> {
  const atRestart = kiosks.map((k) => k.typed);
  const savedAt: (number | null)[] = kiosks.map(() => null);
  const deadline = Date.now() + 60_000;
  while (savedAt.some((t) => t === null) && Date.now() < deadline) {
    kiosks.forEach((k, i) => {
      if (savedAt[i] === null && (serverText(file, k.candidateCode) ?? '').startsWith(atRestart[i]!)) savedAt[i] = performance.now();
    });
    await sleep(100);
  }
  return savedAt.map((t) => (t === null ? null : Math.max(t, restartedAt)));
}
