// Issue 15, item 4: the kiosk's page as the server sends it. Without a session, its login is drawn
// in (declarative shadow roots) with base.css, and the policy allows exactly those inline styles
// by their hashes; with the session's cookie, the page has no login in it. The kiosk's page alone
// goes without Cross-Origin-Opener-Policy (a new renderer process at each cold start).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/auth/auth-service.js';
import { PRERENDER_END, PRERENDER_START, WORKSTATION_SLOT } from '../../../server/contract/kiosk-page.js';
import { clientBuildDir } from '../../../server/paths.js';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';

if (!existsSync(join(clientBuildDir, 'kiosk-prerender.json'))) throw new Error('The client is not built: run "node client/build.mjs" before this test.');

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const page = (url: string, cookie?: string) => t.app.inject({ url, headers: { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) } });
const inlineStyles = (html: string) => [...html.matchAll(/<style(?: [^>]*)?>([^<]*)<\/style>/g)].map((m) => m[1]!);
const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

describe('the kiosk page', () => {
  it('draws the login for a browser without a session, its inline styles allowed by hash and no other', async () => {
    const response = await page('/');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(PRERENDER_START);
    expect(html).toContain(PRERENDER_END);
    expect(html.match(/shadowrootmode="open"/g)).toHaveLength(3);
    expect(html).toContain('<input id="session"');
    expect(html).toContain('autofocus');
    // base.css is in the page, not linked: no request holds the first paint.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(inlineStyles(html)).toContain(readFileSync(join('client', 'static', 'base.css'), 'utf8'));
    const csp = String(response.headers['content-security-policy']);
    const styleSrc = /style-src ([^;]+)/.exec(csp)![1]!.split(' ');
    expect(styleSrc.sort()).toEqual(["'self'", ...inlineStyles(html).map(hashOf)].sort());
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['vary']).toMatch(/cookie/i);
    expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
    // Nobody is logged in: the early question "who is logged in?" (kiosk-early.js) is left out.
    expect(html).not.toContain('kiosk-early');
  });

  it('has no login for a browser holding a session (a reload in the exam)', async () => {
    const response = await page('/', `${SESSION_COOKIE}=anything`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('shadowrootmode');
    expect(response.body).not.toContain(PRERENDER_START);
    expect(response.body).toContain('<lectern-kiosk>');
    expect(inlineStyles(response.body)).toEqual([readFileSync(join('client', 'static', 'base.css'), 'utf8')]);
    expect(response.body).toMatch(/<script async src="\/assets\/kiosk-early-[0-9a-f]{12}\.js"><\/script>/);
  });

  it("writes ?workstation= into the login as escaped text, and leaves the slot empty without it", async () => {
    const named = (await page('/?workstation=PC-12')).body;
    expect(named).toContain('<p class="muted">Majuscules ou minuscules, avec ou sans tiret : peu importe.</p><p>Poste : PC-12</p>');
    expect((await page('/?poste=%20Salle%20B%20%26%20C%20')).body).toContain('<p>Poste : Salle B &amp; C</p>');
    const hostile = (await page(`/?workstation=${encodeURIComponent('"><script>alert(1)</script>')}`)).body;
    expect(hostile).toContain('<p>Poste : &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(hostile).not.toContain('<script>alert');
    expect((await page('/')).body).toContain(WORKSTATION_SLOT);
  });

  it('keeps Cross-Origin-Opener-Policy, and allows no inline style, on the staff pages and the API', async () => {
    for (const url of ['/proctor', '/admin', '/grading', '/healthz', '/api/auth/me']) {
      const response = await page(url);
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(String(response.headers['content-security-policy']), url).toMatch(/style-src 'self'(;|$)/);
    }
  });
});
