import { TypeCompiler } from '@sinclair/typebox/compiler';
import { KioskToServer } from '../contract/kiosk-protocol.js';

// Runtime validation of what a kiosk sends, against the contract's schema compiled once. The
// schema refuses unknown fields: a message that does not match exactly gets an error and changes
// nothing. A value that passes the check is a KioskToServer, so no cast is needed.
const check = TypeCompiler.Compile(KioskToServer);

export type ParsedKioskMessage = { ok: true; message: KioskToServer } | { ok: false; error: string };

export function parseKioskMessage(raw: string): ParsedKioskMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'The message is not valid JSON.' };
  }
  if (check.Check(value)) return { ok: true, message: value };
  const first = check.Errors(value).First();
  const where = first?.path ? ` at ${first.path}` : '';
  return { ok: false, error: `The message does not match the protocol${where}: ${first?.message ?? 'unknown shape'}.` };
}
