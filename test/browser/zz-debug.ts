import { launchChromium, startServer } from '../helpers/browser.js';
import { openSession, startSession } from '../helpers/build-app.js';
import { findOverflow, describeOverflow } from './support/screen-checks.js';
const server = await startServer();
const browser = await launchChromium();
const { session, adminLogin } = await openSession(server.app, 1);
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await page.addInitScript('window.__name = (f) => f');
await page.goto(`${server.url}/?workstation=PC1`);
await page.getByLabel(/Code de session/).fill(session.code);
await page.getByLabel(/Code candidat/).fill(session.candidates[0]!.code);
await page.getByRole('button', { name: 'Se connecter' }).click();
await page.getByLabel(/J’ai lu/).check();
await page.getByRole('button', { name: 'Continuer' }).click();
await startSession(server.app, adminLogin, session.id);
await page.locator('textarea').first().waitFor();
await page.waitForTimeout(500);
console.log(describeOverflow(await findOverflow(page)));
console.log(await page.evaluate(() => {
  const k = document.querySelector('lectern-kiosk')!.shadowRoot!;
  const out: string[] = [];
  for (const sel of ['div', '.layout', 'main', 'lectern-exam']) { const e = k.querySelector(sel) as HTMLElement; out.push(`${sel} ${e.clientHeight} ${e.scrollHeight} ${getComputedStyle(e).height}`); }
  const ex = k.querySelector('lectern-exam')!.shadowRoot!;
  for (const sel of ['.split', '.pane.document', '.pane.answers']) { const e = ex.querySelector(sel) as HTMLElement; out.push(`${sel} ${e?.clientHeight} ${e?.scrollHeight} ${e && getComputedStyle(e).overflowY}`); }
  return out.join('\n');
}));
await page.screenshot({ path: '/tmp/kdbg/exam.png' });
await browser.close(); await server.close();
