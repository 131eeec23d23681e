// Fastify compiles a JSON serializer (fast-json-stringify) for every response schema of every
// route when the app starts: with a schema on every route, that was the largest single cost of a
// start (about 0.65 s of a restart on the exam server, and 40 % of building an app in the tests,
// which build hundreds). Compiled on first use instead, and kept per schema text for the process,
// a route's serializer costs nothing until it answers, and a second app in the same process (the
// test suite) reuses the first one's. The serializer is the same one Fastify would build.
import { SerializerSelector, type SerializerCompiler } from '@fastify/fast-json-stringify-compiler';

type Serializer = ReturnType<SerializerCompiler>;

/** Compiled serializers by schema text: identical schemas of two apps in one process share one. */
const compiledByText = new Map<string, Serializer>();

const fastifyDefault = SerializerSelector();

/** For Fastify's `schemaController.compilersFactory.buildSerializer`. */
export function buildLazySerializer(externalSchemas?: unknown, options?: Parameters<typeof fastifyDefault>[1]): SerializerCompiler {
  const compile = fastifyDefault(externalSchemas, options);
  // Shared schemas ($ref to an added schema) would make the text an incomplete key: then compile per app.
  const shareable = externalSchemas === undefined || Object.keys(externalSchemas as object).length === 0;
  return (route) => {
    let serializer: Serializer | undefined;
    return (doc: unknown) => {
      if (serializer === undefined) {
        const text = shareable ? JSON.stringify(route.schema) : undefined;
        serializer = (text !== undefined ? compiledByText.get(text) : undefined) ?? compile(route);
        if (text !== undefined) compiledByText.set(text, serializer);
      }
      return serializer(doc);
    };
  };
}
