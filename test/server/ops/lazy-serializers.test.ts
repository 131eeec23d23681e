import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import { expect, it } from 'vitest';
import { lazySerializers } from '../../../server/plugins/lazy-serializers.js';

// Issue 11, item 2: response serializers are compiled on a route's first answer, not at start,
// and write exactly what Fastify's default compiler writes.

const route = {
  method: 'GET',
  url: '/api/example',
  httpStatus: '200',
  schema: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } }, required: ['name'] },
};

it('compiles a route serializer on its first use only, and writes what the default compiler writes', () => {
  let compiled = 0;
  const eager = SerializerSelector();
  const counting: ReturnType<typeof SerializerSelector> = (external, options) => {
    const compile = eager(external, options);
    return (r) => {
      compiled++;
      return compile(r);
    };
  };
  const serialize = lazySerializers(counting)(undefined, undefined)(route);
  expect(compiled).toBe(0);
  const doc = { name: 'Durand "Zoé"', count: 3, secret: 'dropped' };
  expect(serialize(doc)).toBe(eager()(route)(doc));
  expect(serialize({ name: 'b', count: 4 })).toBe('{"name":"b","count":4}');
  expect(compiled).toBe(1);
});
