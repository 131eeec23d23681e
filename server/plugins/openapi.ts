import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';

/** The OpenAPI 3 document, generated from the route schemas and served at /api/openapi.json. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: { title: 'Lectern', version: '0.1.0', description: 'The technical English questionnaire platform.' },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lectern_session' } },
        },
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'lectern-openapi' },
);
