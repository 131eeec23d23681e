import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * A strict Content-Security-Policy that works over plain HTTP on a LAN: no inline script,
 * nothing from another origin (there is no internet anyway), no framing. No
 * upgrade-insecure-requests and no HSTS: the room's server has no TLS certificate.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
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
  },
  { name: 'lectern-security-headers' },
);
