// The import graph of the project's own TypeScript, read from the files themselves: no bundler
// or dependency, so the architecture test runs anywhere the other tests run and sees exactly
// what is committed.

import fs from 'node:fs';
import path from 'node:path';

/** Repository-relative paths with forward slashes, e.g. "server/exam/timing.ts". */
export type ModulePath = string;

export interface ImportEdge {
  from: ModulePath;
  to: ModulePath;
  /** The specifier as written, for messages. */
  specifier: string;
}

const SOURCE_EXTENSIONS = ['.ts', '.mts'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/** Every TypeScript file under `folder` (repository-relative), sorted. */
export function sourceFiles(root: string, folder: string): ModulePath[] {
  const out: ModulePath[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(child);
      else if (entry.isFile() && SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) out.push(child);
    }
  };
  walk(folder);
  return out.sort();
}

// Comments are removed only where they start a line: a "//" or "/*" inside a string (a URL, a
// glob) must not swallow real code.
const LINE_COMMENT = /^\s*\/\/.*$/gm;
const BLOCK_COMMENT = /^\s*\/\*[\s\S]*?\*\//gm;
// `import x from '…'`, `import type { A,\n B } from '…'`, `export * from '…'`, `export { a } from '…'`.
const FROM_CLAUSE = /(?:^|[;\s])(?:import|export)\s[^;'"`]*?\sfrom\s*['"]([^'"]+)['"]/g;
// `import '…'` (for its side effects) and `import('…')`.
const BARE_IMPORT = /(?:^|[;\s])import\s*\(?\s*['"]([^'"]+)['"]/g;

/** The module specifiers a source file imports or re-exports, type-only ones included. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(BLOCK_COMMENT, '').replace(LINE_COMMENT, '');
  const found = new Set<string>();
  for (const m of code.matchAll(FROM_CLAUSE)) if (m[1]) found.add(m[1]);
  for (const m of code.matchAll(BARE_IMPORT)) if (m[1]) found.add(m[1]);
  return [...found];
}

/**
 * The file a relative specifier names, as TypeScript's NodeNext resolution finds it: "./x.js"
 * is "./x.ts" in the sources. Undefined for packages ("yaml", "node:fs"); `null` when a relative
 * specifier names no file.
 */
export function resolveSpecifier(root: string, from: ModulePath, specifier: string): ModulePath | undefined | null {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.mjs$/, '.mts'),
    target,
    `${target}.ts`,
    `${target}/index.ts`,
  ];
  for (const candidate of candidates) {
    if (fs.statSync(path.join(root, candidate), { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/** Every relative import of the given files, and the specifiers that name no file. */
export function importEdges(root: string, files: readonly ModulePath[]): { edges: ImportEdge[]; unresolved: string[] } {
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const specifier of importSpecifiers(fs.readFileSync(path.join(root, from), 'utf8'))) {
      const to = resolveSpecifier(root, from, specifier);
      if (to === null) unresolved.push(`${from}: '${specifier}'`);
      else if (to !== undefined) edges.push({ from, to, specifier });
    }
  }
  return { edges, unresolved };
}

/**
 * One cycle per strongly connected group of modules (Tarjan), each the shortest way from the
 * group's first module back to itself, written "a.ts -> b.ts -> a.ts". A group larger than its
 * cycle is named in full after it, since breaking that one cycle may not untangle the rest.
 */
export function findCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<ModulePath, ModulePath[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  return stronglyConnected(next)
    .filter((group) => group.length > 1 || (next.get(group[0] ?? '') ?? []).includes(group[0] ?? ''))
    .map((group) => describeCycle(group, next));
}

function describeCycle(group: ModulePath[], next: Map<ModulePath, ModulePath[]>): string {
  const members = new Set(group);
  const start = [...group].sort()[0] ?? '';
  const cycle = shortestCycle(start, members, next);
  const rest = group.length > cycle.length - 1 ? ` (the tangle holds ${group.length} modules: ${[...group].sort().join(', ')})` : '';
  return cycle.join(' -> ') + rest;
}

function shortestCycle(start: ModulePath, members: Set<ModulePath>, next: Map<ModulePath, ModulePath[]>): ModulePath[] {
  const cameFrom = new Map<ModulePath, ModulePath>();
  const queue: ModulePath[] = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] ?? '';
    for (const to of next.get(at) ?? []) {
      if (to === start) {
        const way = [start];
        for (let step: ModulePath | undefined = at; step !== undefined && step !== start; step = cameFrom.get(step)) way.splice(1, 0, step);
        return [...way, start];
      }
      if (members.has(to) && !cameFrom.has(to)) {
        cameFrom.set(to, at);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Tarjan's algorithm, iterative so that a deep import chain cannot overflow the stack. */
function stronglyConnected(next: Map<ModulePath, ModulePath[]>): ModulePath[][] {
  const index = new Map<ModulePath, number>();
  const low = new Map<ModulePath, number>();
  const onStack = new Set<ModulePath>();
  const stack: ModulePath[] = [];
  const groups: ModulePath[][] = [];
  let counter = 0;
  for (const root of [...next.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: ModulePath; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const to = children[frame.child++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, child: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: ModulePath[] = [];
        let member: ModulePath | undefined;
        do {
          member = stack.pop();
          if (member !== undefined) {
            onStack.delete(member);
            group.push(member);
          }
        } while (member !== undefined && member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
