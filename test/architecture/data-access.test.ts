import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot as root } from '../../server/paths.js';

// Typed data access, one style (issue 9): each area's queries live in a repository that declares
// its row types, so no query result is cast, no route reaches the database, and the connection's
// better-sqlite3 handle is used only by repositories, server/db and the answer writer.
// The rules read the syntax tree, so comments and strings never count.

/** Where the connection's handle may be used: repositories, the database module, the writer thread. */
const writerFiles = new Set(['server/exam/answer-store.ts', 'server/exam/answer-writer.ts', 'server/exam/answer-batch.ts']);
const mayUseConnection = (file: string) => file.endsWith('.repo.ts') || file.startsWith('server/db/') || writerFiles.has(file);
const isRoute = (file: string) => file.startsWith('server/routes/');

const queryMethods = new Set(['get', 'all', 'run']);

interface Finding {
  file: string;
  line: number;
  text: string;
}

function serverFiles(): string[] {
  return readdirSync(join(root, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `server/${f.split(sep).join('/')}`)
    .sort();
}

/** The expression under parentheses and non-null assertions: `(stmt.get()!)` is `stmt.get()`. */
function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
}

function isQueryCall(node: ts.Expression): boolean {
  const call = unwrap(node);
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && queryMethods.has(call.expression.name.text);
}

function isConstAssertion(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const';
}

/** Calls `visit` on every node of the file; it returns a short description when the node breaks the rule. */
function scan(file: string, source: string, visit: (node: ts.Node) => string | null): Finding[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const walk = (node: ts.Node) => {
    const text = visit(node);
    if (text) found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1, text });
    ts.forEachChild(node, walk);
  };
  walk(tree);
  return found;
}

/** (a) `stmt.get(...) as Row`, `<Row>stmt.all(...)`: a query result typed by hand instead of by its repository. */
function castsOnQueryResults(file: string, source: string): Finding[] {
  return scan(file, source, (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConstAssertion(node.type) && isQueryCall(node.expression)) {
      return node.getText().replace(/\s+/g, ' ').slice(0, 120);
    }
    return null;
  });
}

/** (b) and (c): the database object, its better-sqlite3 handle, or a prepared statement. */
function connectionUses(file: string, source: string, names: Set<string>): Finding[] {
  return scan(file, source, (node) => {
    if (ts.isPropertyAccessExpression(node) && names.has(node.name.text)) return `.${node.name.text}`;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
      if (name === 'prepare') return 'prepare(';
    }
    return null;
  });
}

/** A route that imports the query builder or the driver builds queries itself. */
const databaseModule = /^(drizzle-orm|better-sqlite3)(\/|$)/;
const databaseInRoute = (file: string, source: string) => [
  ...connectionUses(file, source, new Set(['db', '$client'])),
  ...scan(file, source, (node) =>
    ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && databaseModule.test(node.moduleSpecifier.text) ? `import '${node.moduleSpecifier.text}'` : null,
  ),
];
const connectionHandleUse = (file: string, source: string) => connectionUses(file, source, new Set(['$client']));

const listed = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}: ${f.text}`);
const sources = () => serverFiles().map((file) => ({ file, source: readFileSync(join(root, file), 'utf8') }));

describe('the rules read code, not text', () => {
  it('find a cast on a query result, through parentheses, and ignore `as const` and other casts', () => {
    const source = `
      const a = (stmt.get(1) as { n: number }).n;
      const b = stmt.all() as Row[];
      const c = <Row>stmt.get();
      const d = db.select().from(t).get()! as Row;
      const e = [1, 2] as const;
      const f = JSON.parse(text) as unknown;
      // stmt.get() as Row in a comment
      const g = 'stmt.get() as Row in a string';`;
    expect(castsOnQueryResults('x.ts', source).map((f) => f.line)).toEqual([2, 3, 4, 5]);
  });

  it('find the database, its handle, prepared statements and the query builder in a route, and only the handle elsewhere', () => {
    const source = `
      app.db.select();
      const c = this.db.$client;
      c.prepare('SELECT 1');
      // app.db.$client.prepare() in a comment
      app.accounts.list();
      import { eq } from 'drizzle-orm';
      import { drizzle } from 'drizzle-orm/better-sqlite3';
      import { staffRoles } from '../db/schema/accounts.js';`;
    expect(databaseInRoute('server/routes/x.ts', source).map((f) => f.line)).toEqual([2, 3, 3, 4, 7, 8]);
    expect(connectionHandleUse('server/x.ts', source).map((f) => f.line)).toEqual([3, 4]);
  });
});

describe('data access', () => {
  it('never casts a query result: its repository declares the row type', () => {
    expect(listed(sources().flatMap(({ file, source }) => castsOnQueryResults(file, source)))).toEqual([]);
  });

  it('keeps the database out of the routes: they call services', () => {
    expect(listed(sources().filter(({ file }) => isRoute(file)).flatMap(({ file, source }) => databaseInRoute(file, source)))).toEqual([]);
  });

  it('prepares statements and uses the connection handle only in repositories, server/db and the answer writer', () => {
    const offending = sources().filter(({ file }) => !mayUseConnection(file));
    expect(listed(offending.flatMap(({ file, source }) => connectionHandleUse(file, source)))).toEqual([]);
  });
});
