import fp from 'fastify-plugin';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { userError } from '../errors.js';

/**
 * Every body is checked against its route's schema exactly as sent, before Fastify's own
 * validation. Fastify's Ajv coerces types (`coerceTypes: 'array'`, which the URL's ids and
 * query strings need), and for a body that coercion is a hole: `proctorIds: true` became `[1]`,
 * `candidateCount: true` would become 1. Here nothing is coerced. A route whose body schema is
 * `Type.Optional(...)` also accepts no body at all (it is then read as `{}`), and a route with no
 * body schema accepts no body, or an empty object: nothing a route does not read is accepted.
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (route.method === 'GET' || route.method === 'HEAD' || (Array.isArray(route.method) && route.method.every((m) => m === 'GET' || m === 'HEAD'))) return;
      if (route.websocket) return;
      const check = strictCheck(route);
      const existing = route.preValidation;
      const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
      route.preValidation = [async (request: FastifyRequest) => check(request), ...hooks];
    });
  },
  { name: 'lectern-strict-bodies' },
);

const isTypeBox = (schema: unknown): schema is TSchema => typeof schema === 'object' && schema !== null && Kind in schema;

function strictCheck(route: RouteOptions): (request: FastifyRequest) => void {
  const schema = route.schema?.body;
  if (schema === undefined) return refuseAnyBody;
  if (!isTypeBox(schema)) return () => undefined;
  const compiled = TypeCompiler.Compile(schema);
  const optional = OptionalKind in schema && schema[OptionalKind] === 'Optional';
  return (request) => {
    if (request.body === undefined || request.body === null) {
      if (optional) {
        request.body = {};
        return;
      }
      throw userError(400, 'invalid-request', 'The body is not valid: this request needs a JSON body.');
    }
    refuseUnlessValid(compiled, request.body);
  };
}

function refuseUnlessValid(compiled: TypeCheck<TSchema>, body: unknown): void {
  if (compiled.Check(body)) return;
  const first = compiled.Errors(body).First();
  const where = first?.path ? `${first.path.slice(1).replaceAll('/', '.')} ` : '';
  throw userError(400, 'invalid-request', `The body is not valid: ${where}${first?.message.toLowerCase() ?? 'does not match the schema'}.`);
}

/** A route that reads no body: nothing, or an empty object (what the pages send by default). */
function refuseAnyBody(request: FastifyRequest): void {
  const body: unknown = request.body;
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw userError(400, 'invalid-request', 'The body is not valid: this request takes no body.');
}
