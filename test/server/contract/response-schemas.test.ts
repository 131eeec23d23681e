// Every route answers with a real response schema for each status it sends: Fastify validates
// nothing on the way out but serialises with the schema (dropping what it does not list), and the
// OpenAPI document is what API users read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Places inside a schema that accept anything: the `{}` + additionalProperties placeholders this replaced. */
function placeholders(schema: unknown, path: string, found: string[]): string[] {
  if (typeof schema !== 'object' || schema === null) return found;
  const record = schema as Record<string, unknown>;
  if (record['additionalProperties'] === true) found.push(path);
  for (const [key, value] of Object.entries(record)) placeholders(value, `${path}/${key}`, found);
  return found;
}

describe('the OpenAPI document', () => {
  it('documents a success response with a schema, and no open placeholder, for every operation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Operation>>;
    const problems: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations++;
        const where = `${method.toUpperCase()} ${path}`;
        const responses = operation.responses ?? {};
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) problems.push(`${where}: no 2xx response`);
        for (const [status, answer] of Object.entries(responses)) {
          const schemas = Object.values(answer.content ?? {}).map((c) => c.schema);
          // 204 No Content and 304 Not Modified have no body, by HTTP's definition.
          if (status !== '204' && status !== '304' && schemas.length === 0) problems.push(`${where} ${status}: no schema`);
          for (const schema of schemas) for (const open of placeholders(schema, '', [])) problems.push(`${where} ${status}: anything goes at ${open || '/'}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
