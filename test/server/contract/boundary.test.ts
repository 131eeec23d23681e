// The contract is the only server code the pages may import, and it imports nothing but TypeBox
// and itself: no Node, no Fastify, no DOM, no domain module that would drag the server into the
// browser's bundle or its type graph.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/paths.js';

const contractDir = join(projectRoot, 'server', 'contract');
const serverDir = join(projectRoot, 'server');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (types included) and dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
const where = (file: string) => relative(projectRoot, file);

function resolved(file: string, specifier: string): string | null {
  return specifier.startsWith('.') ? resolve(dirname(file), specifier) : null;
}

describe('the contract boundary', () => {
  it('finds the imports of a file, type-only, re-exported and dynamic ones included', () => {
    const source = `import type { A } from '../a.js';\nexport { B } from "./b.js";\nimport {\n  C,\n} from 'c';\nimport 'd';\nconst e = () => import('./e.js');`;
    expect(specifiers(source).sort()).toEqual(['../a.js', './b.js', './e.js', 'c', 'd']);
  });

  it('the client imports no server file outside server/contract', () => {
    const offences: string[] = [];
    for (const file of tsFiles(join(projectRoot, 'client'))) {
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        const target = resolved(file, specifier);
        if (target && isInside(target, serverDir) && !isInside(target, contractDir)) offences.push(`${where(file)} imports ${specifier}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('server/contract imports only @sinclair/typebox and files inside server/contract', () => {
    const offences: string[] = [];
    for (const file of tsFiles(contractDir)) {
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        const target = resolved(file, specifier);
        const allowed = target ? isInside(target, contractDir) : specifier === '@sinclair/typebox';
        if (!allowed) offences.push(`${where(file)} imports ${specifier}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
