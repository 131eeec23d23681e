import fc from 'fast-check';

/** The JSON Schema keywords TypeBox emits that the generator reads. */
interface Schema {
  type?: string;
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  patternProperties?: Record<string, Schema>;
}

/** Any JSON value: what a hostile client may send in place of anything. */
const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.constant(''),
  fc.constant('x'.repeat(5000)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
  fc.constant(-1),
  fc.constant(2 ** 53),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("'; DROP TABLE accounts; --"),
);

/**
 * Values shaped by a route's schema, each part sometimes replaced by something hostile, an
 * optional property sometimes missing, an unknown one sometimes added: most requests are almost
 * valid, so they get past the first check and reach the route's own rules.
 */
export function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostile;
  return fc.oneof({ weight: 4, arbitrary: shaped(schema, depth) }, { weight: 1, arbitrary: hostile });
}

function shaped(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => fromSchema(s, depth + 1)));
  switch (schema.type) {
    case 'object':
      return objectOf(schema, depth);
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'string':
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 300) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostile;
  }
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) record[name] = fromSchema(sub, depth + 1);
  const known = fc.record(record, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
  const extra = fc.option(fc.tuple(fc.constantFrom('admin', '__proto__', 'id', 'role', 'sessionId'), hostile), { freq: 5 });
  return fc.tuple(known, extra).map(([value, more]) => (more ? { ...(value as object), [more[0]]: more[1] } : value));
}
