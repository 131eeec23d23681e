import fp from 'fastify-plugin';
import type { FastifySchema } from 'fastify';

/** One registered route, as the app itself declared it. */
export interface CataloguedRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  websocket: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every route the app registered, from its own onRoute hook: the authorization matrix and the
     * fuzz tests are built from this list, so a new route without a rule fails them.
     */
    routeCatalogue: readonly CataloguedRoute[];
  }
}

export default fp(
  async (app) => {
    const routes: CataloguedRoute[] = [];
    app.decorate('routeCatalogue', routes);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      // HEAD is Fastify's automatic twin of each GET: the GET stands for both.
      for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, schema: route.schema, websocket: route.websocket === true });
    });
  },
  { name: 'lectern-route-catalogue' },
);
