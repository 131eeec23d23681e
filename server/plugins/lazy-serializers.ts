import SerializerSelector from '@fastify/fast-json-stringify-compiler';

// Fastify compiles every route's response serializer when the app becomes ready: about 150
// routes with several status codes each, most of which a given run of the server never answers
// (a restart in the middle of an exam answers the kiosks' few routes). Measured on a restart, the
// compilation was the largest single cost after loading the code, and the compiled functions
// stayed in the heap. The serializer is now compiled on a route's first answer with that status,
// by the same compiler Fastify uses by default (@fastify/fast-json-stringify-compiler, Fastify's
// own dependency), so the JSON written is byte for byte the same.
type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** Wraps a serializer factory so that each route's serializer is compiled on first use. */
export function lazySerializers(factory: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc: unknown) => (serialize ??= compile(route))(doc);
    };
  };
}
