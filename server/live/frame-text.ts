import type { RawData } from 'ws';

/**
 * A text frame's content. ws hands each message over as a Buffer (its default binaryType); the
 * other shapes of RawData (an ArrayBuffer, a list of fragments) come only with another binaryType.
 */
export function frameText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
