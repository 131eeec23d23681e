import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadPacks } from '../../server/content/load-packs.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { buildTestApp, bundledContentDir, createStaff, type TestApp } from '../helpers/build-app.js';
import { openStaffPage } from '../helpers/browser-logins.js';

// The server reads a copy of the bundled packs, so the test can edit a pack on disk as an author would.
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-preview-content-'));
fs.cpSync(bundledContentDir, contentDir, { recursive: true });
const bundled = [...loadPacks(bundledContentDir).packs.values()];

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  const t = await buildTestApp({ contentDir });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  server = { ...t, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

const words = {
  fr: { tab: 'Aperçu des sujets', pack: 'Sujet', candidate: 'Candidat', corrector: 'Correcteur', keyPoints: 'Points clés attendus', answerIn: /Répondez en (anglais|français)\./, reload: 'Vérifier à nouveau', problems: /La vérification a trouvé 1 problème/ },
  en: { tab: 'Pack preview', pack: 'Pack', candidate: 'Candidate', corrector: 'Corrector', keyPoints: 'Expected key points', answerIn: /Answer in (English|French)\./, reload: 'Check again', problems: /The check found 1 problem/ },
} as const;

async function openPreview(language: 'fr' | 'en'): Promise<Page> {
  const admin = await createStaff(server.app, 'admin');
  const w = words[language];
  const page = await openStaffPage(browser, `${server.url}/admin`, admin, language, { viewport: { width: 1440, height: 900 } });
  await page.getByRole('button', { name: w.tab }).click();
  return page;
}

describe('the pack preview, in Chromium', { timeout: 120_000 }, () => {
  it('has bundled packs to show', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(2);
  });

  for (const language of ['fr', 'en'] as const) {
    it(`shows every bundled pack as the candidate and as the corrector see it (${language})`, async () => {
      const w = words[language];
      const page = await openPreview(language);
      for (const pack of bundled) {
        await page.getByLabel(w.pack).selectOption(pack.id);
        await expect.poll(() => page.locator(`.screen[data-pack="${pack.id}"]`).count()).toBe(1);
        await expect.poll(() => page.getByRole('heading', { name: pack.title[language] }).count()).toBe(1);
        const first = pack.sections[0];
        const question = first?.questions[0];
        if (!first || !question) throw new Error(`${pack.id} has no question`);
        // The kiosk's own components: the document pane beside the first section's questions.
        expect(await page.locator('lectern-exam').count()).toBe(1);
        await expect.poll(() => page.locator('lectern-answer-field').count()).toBe(first.questions.length);
        expect(await page.getByText(w.answerIn).first().isVisible()).toBe(true);
        if (first.documentHtml) {
          const heading = first.documentToc[0]?.text ?? '';
          await expect.poll(() => page.locator('lectern-document-pane').getByRole('heading', { name: heading }).count()).toBeGreaterThan(0);
          const images = page.locator('lectern-document-pane img');
          for (let i = 0; i < (await images.count()); i += 1) {
            await expect.poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
          }
        }
        await page.screenshot({ path: screenshotPath(`pack-preview-${pack.id}-candidate-${language}`), fullPage: true });

        await page.getByRole('button', { name: w.corrector, exact: true }).click();
        await expect.poll(() => page.locator('lectern-corrector-preview article.question').count()).toBe(pack.sections.reduce((n, s) => n + s.questions.length, 0));
        expect(await page.getByText(w.keyPoints).count()).toBe(pack.sections.reduce((n, s) => n + s.questions.length, 0));
        expect(await page.getByText(question.keyPoints[0]?.id ?? '?', { exact: true }).count()).toBeGreaterThan(0);
        for (const rubric of Object.values(pack.rubrics)) {
          expect(await page.getByRole('heading', { name: rubric.title[language] }).count(), rubric.id).toBeGreaterThan(0);
        }
        await page.screenshot({ path: screenshotPath(`pack-preview-${pack.id}-corrector-${language}`), fullPage: true });
        await page.getByRole('button', { name: w.candidate, exact: true }).click();
      }
      await page.context().close();
    });
  }

  it('follows the pack on disk: an edit shows after "Check again", a broken pack shows its problems', async () => {
    const w = words.fr;
    const page = await openPreview('fr');
    const pack = bundled[0];
    if (!pack) throw new Error('no bundled pack');
    const manifest = path.join(contentDir, pack.id, 'pack.yaml');
    const original = fs.readFileSync(manifest, 'utf8');
    await page.getByLabel(w.pack).selectOption(pack.id);
    await expect.poll(() => page.getByRole('heading', { name: pack.title.fr }).count()).toBe(1);

    fs.writeFileSync(manifest, original.replace(`fr: "${pack.title.fr}"`, 'fr: "Titre modifié sur le disque"'));
    await page.getByRole('button', { name: w.reload }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Titre modifié sur le disque' }).count()).toBe(1);

    fs.writeFileSync(manifest, original.replace(/durationMinutes: \d+/, 'durationMinutes: trente'));
    await page.getByRole('button', { name: w.reload }).click();
    await expect.poll(() => page.getByText(w.problems).count()).toBe(1);
    const line = original.split('\n').findIndex((l) => l.startsWith('durationMinutes:')) + 1;
    expect(await page.getByText(new RegExp(`${pack.id}/pack\\.yaml:${line}: .*durationMinutes`)).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('pack-preview-broken-fr'), fullPage: true });

    fs.writeFileSync(manifest, original);
    await page.getByRole('button', { name: w.reload }).click();
    await expect.poll(() => page.getByRole('heading', { name: pack.title.fr }).count()).toBe(1);
    expect(await page.getByText(w.problems).count()).toBe(0);
    await page.context().close();
  });
});
