import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

// Safe Exam Browser's Config Key check, as SEB documents it: with "Use Browser & Config Keys
// (send in HTTP header)" on, SEB adds to every request the header X-SafeExamBrowser-ConfigKeyHash,
// the hex SHA-256 of the requested absolute URL (without its fragment) followed by the Config Key.
// The key never travels; the hash changes with every URL, so a copied header is useless elsewhere.

export const SEB_HEADER = 'x-safeexambrowser-configkeyhash';

export function sebConfigKeyHash(url: string, configKey: string): string {
  return createHash('sha256').update(url + configKey).digest('hex');
}

/** The absolute URL the kiosk requested. Lectern runs without a proxy in front (trustProxy is off). */
export function requestedUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}${request.url.split('#')[0]}`;
}

export function sebHeaderMatches(request: FastifyRequest, configKey: string): boolean {
  const sent = request.headers[SEB_HEADER];
  if (typeof sent !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sent)) return false;
  const expected = Buffer.from(sebConfigKeyHash(requestedUrl(request), configKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(sent.toLowerCase(), 'hex'));
}
