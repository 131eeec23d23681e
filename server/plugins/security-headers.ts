import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * A strict Content-Security-Policy that works over plain HTTP on a LAN: no inline script,
 * nothing from another origin (there is no internet anyway), no framing. No
 * upgrade-insecure-requests and no HSTS: the room's server has no TLS certificate.
 *
 * helmet itself, built once: @fastify/helmet builds a new helmet (and parses the policy again)
 * for every request, so that a route may override it; none of ours does, and at an exam start
 * (1,000 kiosks within a few seconds) that rebuilding was 2.5 % of the server's main thread.
 */
const headers = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  },
  hsts: false,
  crossOriginEmbedderPolicy: false,
});

export default fp(
  async (app) => {
    app.addHook('onRequest', (request, reply, done) => headers(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)));
  },
  { name: 'lectern-security-headers' },
);
