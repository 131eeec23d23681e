import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const base = 'The timer starts the backup unit every night; when the unit fails, systemd records it in the journal. ';
const variants: Record<string, [string, string]> = {
  bare: [`<textarea id=t rows=10 style="width:600px" spellcheck=false></textarea>`, base.repeat(600).slice(0, 49_900)],
  paragraphs: [`<textarea id=t rows=10 style="width:600px" spellcheck=false></textarea>`, (base.repeat(5) + '\n').repeat(120).slice(0, 49_900)],
  small: [`<textarea id=t rows=10 style="width:600px" spellcheck=false></textarea>`, base.repeat(10)],
};
for (const rate of [4, 1]) for (const [name, [body, text]] of Object.entries(variants)) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.setContent(`<!doctype html><body>${body}</body>`);
  await page.evaluate((text) => { const t = document.getElementById('t') as HTMLTextAreaElement; t.focus(); t.value = text; t.setSelectionRange(text.length, text.length); }, text);
  await page.evaluate(() => { (window as any).f = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).f.push(Math.round(e.duration)); }).observe({ type: 'long-animation-frame' }); });
  const t0 = Date.now();
  await page.keyboard.type('x'.repeat(30), { delay: 15 });
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => (window as any).f as number[]);
  console.log(`rate ${rate} ${name}: ${Date.now() - t0} ms for 30 keys, frames over 50 ms: ${frames.length} [${frames.slice(0, 10).join(',')}]`);
  await context.close();
}
await browser.close();
