// Guards the shape of the code: no import cycle, and no import that runs back up a layer.
//
// A cycle makes modules impossible to understand, test or load one at a time; an import from a
// higher layer (a domain service reaching into a route, the contract into Node code) drags that
// layer's dependencies into places that must not have them: the client's bundle, the tests of
// a service. Type-only imports count too: they tie modules together just the same.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importEdges, importSpecifiers, sourceFiles, type ImportEdge, type ModulePath } from './import-graph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The server's layers, lowest first: a module may import from its own layer and those below.
 * A folder ends with "/"; a file is named in full. A new folder or top-level file must be
 * placed here, or the test fails: that is the moment to decide where it belongs.
 */
const SERVER_LAYERS: { name: string; members: string[] }[] = [
  // Shapes shared with the client: imports nothing of ours but itself.
  { name: 'contract', members: ['server/contract/'] },
  // Leaf helpers with no dependency of ours: errors, paths, worker start-up, configuration, CSV writing.
  { name: 'support', members: ['server/errors.ts', 'server/paths.ts', 'server/start-worker.ts', 'server/config.ts', 'server/common/', 'server/exit-codes.ts', 'server/tls.ts'] },
  { name: 'db', members: ['server/db/'] },
  {
    name: 'domain',
    members: ['server/content/', 'server/exam/', 'server/grading/', 'server/auth/', 'server/audit/', 'server/live/', 'server/proctor/', 'server/privacy/', 'server/recovery/'],
  },
  { name: 'plugins', members: ['server/plugins/'] },
  { name: 'routes', members: ['server/routes/'] },
  // The entry points: they build and start the whole app, or (server/cli/) work on its database from the console.
  { name: 'app', members: ['server/app.ts', 'server/main.ts', 'server/bootstrap.ts', 'server/cli/'] },
];

function layerOf(file: ModulePath): number | undefined {
  const rank = SERVER_LAYERS.findIndex((layer) => layer.members.some((m) => (m.endsWith('/') ? file.startsWith(m) : file === m)));
  return rank < 0 ? undefined : rank;
}

function layerName(rank: number | undefined): string {
  return rank === undefined ? 'no layer' : (SERVER_LAYERS[rank]?.name ?? 'no layer');
}

const describeEdge = (e: ImportEdge): string => `${e.from} (${layerName(layerOf(e.from))}) imports ${e.to} (${layerName(layerOf(e.to))}) as '${e.specifier}'`;

const serverFiles = sourceFiles(ROOT, 'server');
const clientFiles = sourceFiles(ROOT, 'client');
const server = importEdges(ROOT, serverFiles);
const client = importEdges(ROOT, clientFiles);

describe('reading imports', () => {
  it('finds import and export specifiers, type-only and multi-line ones included, and skips commented-out ones', () => {
    const source = [
      "import fs from 'node:fs';",
      "import type { A,",
      "  B } from './types.js';",
      "export * from './all.js';",
      "export { c } from \"./c.js\";",
      "export type { D } from './d.js';",
      "import './side-effect.js';",
      "const later = await import('./lazy.js');",
      "// import { old } from './old.js';",
      "/* import { older } from './older.js'; */",
      "const url = 'http://example.org/*'; import { e } from './e.js';",
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['./all.js', './c.js', './d.js', './e.js', './lazy.js', './side-effect.js', './types.js', 'node:fs']);
  });

  it('resolves every relative import of server/** and client/** to a file', () => {
    expect([...server.unresolved, ...client.unresolved]).toEqual([]);
  });

  it('finds a planted cycle and prints it', () => {
    const edges = [
      { from: 'a.ts', to: 'b.ts', specifier: './b.js' },
      { from: 'b.ts', to: 'c.ts', specifier: './c.js' },
      { from: 'c.ts', to: 'a.ts', specifier: './a.js' },
      { from: 'c.ts', to: 'd.ts', specifier: './d.js' },
    ];
    expect(findCycles(edges)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });
});

describe('import cycles', () => {
  it('server/** has no import cycle', () => {
    expect(findCycles(server.edges.filter((e) => e.to.startsWith('server/')))).toEqual([]);
  });

  it('client/** has no import cycle', () => {
    expect(findCycles(client.edges.filter((e) => e.to.startsWith('client/')))).toEqual([]);
  });
});

describe('server layers', () => {
  it('places every server module in a layer', () => {
    expect(serverFiles.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('server/contract imports nothing of ours but itself', () => {
    const outside = server.edges.filter((e) => e.from.startsWith('server/contract/') && !e.to.startsWith('server/contract/'));
    expect(outside.map(describeEdge)).toEqual([]);
  });

  it('no domain module imports from server/routes or server/plugins', () => {
    const domain = SERVER_LAYERS.findIndex((l) => l.name === 'domain');
    const upward = server.edges.filter((e) => layerOf(e.from) === domain && (e.to.startsWith('server/routes/') || e.to.startsWith('server/plugins/')));
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it('no server module imports from a layer above its own', () => {
    const upward = server.edges.filter((e) => {
      const from = layerOf(e.from);
      const to = layerOf(e.to);
      return from !== undefined && to !== undefined && to > from;
    });
    expect(upward.map(describeEdge)).toEqual([]);
  });
});
