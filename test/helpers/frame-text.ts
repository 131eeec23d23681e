import type { RawData } from 'ws';

// ws hands each message over as a Buffer (its default binaryType); the other shapes of RawData
// (an ArrayBuffer, or a list of fragments) appear only with another binaryType. Decoding them all
// as UTF-8 keeps `toString()` from ever printing "[object ArrayBuffer]" into a JSON.parse.
export function frameText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
