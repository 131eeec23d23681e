import SerializerSelector from '@fastify/fast-json-stringify-compiler';

// Fastify compiles every route's response serializer when the app becomes ready: about 150
// routes with several status codes each, most of which a given run of the server never answers
// (a restart in the middle of an exam answers the kiosks' few routes). Measured on a restart, the
// compilation was the largest single cost after loading the code, and the compiled functions
// stayed in the heap; in the test suite, which builds hundreds of apps, it was 40 % of building
// one. The serializer is now compiled on a route's first answer with that status, by the same
// compiler Fastify uses by default (@fastify/fast-json-stringify-compiler), so the JSON written
// is byte for byte the same; and a second app in the same process reuses the first one's
// serializer for an identical schema.
type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Serializer = (doc: unknown) => string;

/** Compiled serializers by schema text, for the process: identical schemas of two apps share one. */
const compiledByText = new Map<string, Serializer>();

/** Wraps a serializer factory so that each route's serializer is compiled on first use. */
export function lazySerializers(factory: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    // Shared schemas ($ref to an added schema) or options would make the text an incomplete key.
    const shareable = (externalSchemas === undefined || Object.keys(externalSchemas as object).length === 0) && options === undefined;
    return (route) => {
      let serialize: Serializer | undefined;
      const build = (): Serializer => {
        if (!shareable) return compile(route);
        const text = JSON.stringify(route.schema);
        const known = compiledByText.get(text);
        if (known) return known;
        const built = compile(route);
        compiledByText.set(text, built);
        return built;
      };
      return (doc: unknown) => (serialize ??= build())(doc);
    };
  };
}
