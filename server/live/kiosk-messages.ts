import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { MAX_ANSWER_CHARS, supervisionKinds, type KioskToServer } from './protocol.js';

// Runtime validation of what a kiosk sends. Unknown fields are refused, not ignored: a
// message that does not match exactly gets an error and changes nothing.
const detailValue = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);

const KioskMessage = Type.Union([
  Type.Object(
    {
      type: Type.Literal('save'),
      questionId: Type.String({ minLength: 1, maxLength: 64 }),
      revision: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
      // Length is checked separately so an oversized answer gets its own clear refusal.
      text: Type.String(),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('heartbeat'), activity: Type.Union([Type.Literal('reading'), Type.Literal('typing'), Type.Literal('idle')]) }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('supervision'),
      kind: Type.Union(supervisionKinds.map((k) => Type.Literal(k))),
      detail: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), detailValue, { maxProperties: 10 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('acknowledge-message'), messageId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
]);

const check = TypeCompiler.Compile(KioskMessage);

export type ParsedKioskMessage = { ok: true; message: KioskToServer } | { ok: false; error: string };

export function parseKioskMessage(raw: string): ParsedKioskMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'The message is not valid JSON.' };
  }
  if (check.Check(value)) {
    const message = value as Static<typeof KioskMessage> as KioskToServer;
    return { ok: true, message };
  }
  const first = check.Errors(value).First();
  const where = first?.path ? ` at ${first.path}` : '';
  return { ok: false, error: `The message does not match the protocol${where}: ${first?.message ?? 'unknown shape'}.` };
}

export { MAX_ANSWER_CHARS };
