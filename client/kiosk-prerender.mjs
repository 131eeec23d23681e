// The kiosk's login drawn into its page at build time (client/kiosk/login-prerender.ts, issue 15
// item 4). That module is TypeScript and imports Lit's style sheets and the catalogue: esbuild
// bundles it for Node into a temporary file, which this imports once and deletes.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The kiosk page's early script (kiosk-early.js), which asks who is logged in while the kiosk's
 * code loads: the page with the login drawn in is sent only to a browser without a session, whose
 * answer is known; the script's run (90 ms of main thread at CPU /4, before the first paint) is
 * left out of that page. The kiosk asks itself when it starts (api.ts).
 */
const EARLY_SCRIPT = /\n\s*<script async src="\/assets\/kiosk-early-[0-9a-f]{12}\.js"><\/script>/;

/** The kiosk page's link to base.css, once its name is hashed. */
const BASE_CSS_LINK = /<link rel="stylesheet" href="\/assets\/base-[0-9a-f]{12}\.css" \/>/;

/**
 * The kiosk page with its prerendered login (`withLogin`), the same page without it for a browser
 * holding a session (`signedIn`), and the CSP hashes of their inline styles. base.css (1.5 KB) is
 * written into the page too: a stylesheet link holds the first paint until its answer comes, and a
 * cold load of the kiosk asked for it only 100 to 170 ms after the page had arrived.
 */
export async function prerenderKioskLogin(root, indexHtml, baseCss) {
  const out = join(tmpdir(), `lectern-login-prerender-${process.pid}-${Date.now()}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'client', 'kiosk', 'login-prerender.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  try {
    const { prerenderLogin, PRERENDER_START, PRERENDER_END, withoutPrerender } = await import(pathToFileURL(out).href);
    const marks = PRERENDER_START + PRERENDER_END;
    if (!indexHtml.includes(marks)) throw new Error(`client/pages/index.html has lost its ${marks} marks: the login cannot be drawn into it`);
    if (!BASE_CSS_LINK.test(indexHtml)) throw new Error('client/pages/index.html no longer links base.css as the build expects: it cannot be written into the page');
    const page = indexHtml.replace(BASE_CSS_LINK, `<style>${baseCss}</style>`);
    const { markup, styles } = prerenderLogin();
    const styleHashes = [baseCss, ...styles].map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    if (!EARLY_SCRIPT.test(page)) throw new Error('client/pages/index.html no longer loads kiosk-early.js as the build expects');
    return { withLogin: page.replace(EARLY_SCRIPT, '').replace(marks, markup), signedIn: withoutPrerender(page), styleHashes };
  } finally {
    await rm(out, { force: true });
  }
}
