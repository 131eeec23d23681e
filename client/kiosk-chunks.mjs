// The kiosk's code in chunks (issue 15, item 4), for client/build.mjs. esbuild splits the kiosk
// (`splitting: true`): kiosk.js, the kiosk's code it imports once the page is painted (kiosk-app.ts)
// and their static imports draw the login screen; the exam's screens, imported with import()
// (client/kiosk/exam-screens.ts), load right after. Each chunk is then named
// `<name>-<12 hex digits of its sha256>.js` as every other asset, so the server caches it for a
// year (server/plugins/static-assets.ts) and the kiosk's service worker keeps it (offline-rules.ts);
// a chunk's digest covers the names of the chunks it imports, so a change anywhere renames every
// file that leads to it. kiosk.js keeps its plain name: build.mjs hashes it
// with the other entries.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';

/** A content-hashed file name, as build.mjs and the server write and read them. */
export const HASHED_FILE = /-[0-9a-f]{12}\.[a-z0-9]+$/;

const SOURCE_MAP_COMMENT = /\n?\/\/# sourceMappingURL=[^\n]*\s*$/;

/**
 * Builds the kiosk with `options` (build.mjs's, entry `kiosk`) into `assetsDir`; returns the file
 * names the page loads at once (`first`: kiosk.js and its static imports) and those it loads
 * after (`later`: the dynamic imports and their own imports), both in assetsDir.
 */
export async function buildKioskChunks(options, assetsDir) {
  const result = await build({ ...options, splitting: true, chunkNames: '[name]-[hash]', write: false, metafile: true });
  const files = new Map(result.outputFiles.map((file) => [relative(assetsDir, file.path), file.text]));
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([path, output]) => [basename(path), output]));
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint !== undefined && name.endsWith('.js'));
  if (!entry) throw new Error('esbuild produced no kiosk entry');

  const renamed = new Map();
  const rename = (name) => {
    if (renamed.has(name)) return renamed.get(name);
    let code = files.get(name).replace(SOURCE_MAP_COMMENT, '');
    for (const imported of outputs[name].imports.filter((i) => !i.external)) {
      const from = basename(imported.path);
      code = code.split(`./${from}`).join(`./${rename(from)}`);
    }
    const digest = createHash('sha256').update(code).digest('hex').slice(0, 12);
    const final = name === entry ? name : `${name.replace(/-[A-Z0-9]{8}\.js$/, '')}-${digest}.js`;
    files.set(name, code);
    renamed.set(name, final);
    return final;
  };
  for (const name of Object.keys(outputs)) if (name.endsWith('.js')) rename(name);

  await mkdir(assetsDir, { recursive: true });
  for (const [name, final] of renamed) {
    const map = JSON.parse(files.get(`${name}.map`));
    map.file = final;
    await writeFile(join(assetsDir, final), `${files.get(name)}\n//# sourceMappingURL=${final}.map\n`);
    await writeFile(join(assetsDir, `${final}.map`), JSON.stringify(map));
  }

  const reach = (name, kinds, seen = new Set()) => {
    for (const imported of outputs[name].imports.filter((i) => kinds.includes(i.kind))) {
      const next = basename(imported.path);
      if (!seen.has(next)) reach(next, kinds, seen.add(next));
    }
    return seen;
  };
  // The entry's own dynamic import (kiosk-app.ts, the kiosk's code, imported once the page is
  // painted: main.ts) belongs to the first screen; the dynamic imports below it come later.
  const first = reach(entry, ['import-statement']);
  for (const imported of outputs[entry].imports.filter((i) => i.kind === 'dynamic-import')) {
    const app = basename(imported.path);
    first.add(app);
    reach(app, ['import-statement'], first);
  }
  const all = reach(entry, ['import-statement', 'dynamic-import']);
  return {
    entry,
    first: [...first].map((name) => renamed.get(name)).sort(),
    later: [...all].filter((name) => !first.has(name)).map((name) => renamed.get(name)).sort(),
  };
}

/** The page's <link rel="modulepreload"> for kiosk.js's static imports: fetched with the entry, not after it. */
export function preloadLinks(html, firstChunks) {
  const links = firstChunks.map((name) => `<link rel="modulepreload" href="/assets/${name}" />`).join('\n    ');
  return html.replace(/(\n(\s*)<script type="module" src="\/assets\/kiosk[^"]*"><\/script>)/, (whole, line, indent) => (links ? `\n${indent}${links}${line}` : whole));
}

