// The one error body: `{ error: { code, message, ...params } }`. The code is stable (pages word it
// in the reader's language), the message is plain English for API users and logs, and the extra
// fields are listed here because Fastify serialises with this schema and drops what it does not list.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Receipt } from './kiosk-protocol.js';
import { CsvProblem } from './sessions.js';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      /** rate-limited: when to try again. */
      retryAfterSeconds: Type.Optional(Type.Integer()),
      /** rate-limited, candidate-code-throttled: the same wait in whole minutes, as the messages say it. */
      retryAfterMinutes: Type.Optional(Type.Integer()),
      /** already-submitted: the receipt the kiosk shows again. */
      receipt: Type.Optional(Receipt),
      /** workstation-in-use: the candidate who holds it. */
      candidateId: Type.Optional(Type.Integer()),
      /** reading-incomplete: the judgements still to make ("q1/kp2"). */
      missing: Type.Optional(Type.Array(Type.String())),
      /** grading-unfinished: the candidate codes not settled yet. */
      scripts: Type.Optional(Type.Array(Type.String())),
      /** bad-candidate-file: every faulty line of the file. */
      problems: Type.Optional(Type.Array(CsvProblem)),
      /** unknown-account, not-a-proctor, not-a-corrector, account-disabled: the account in question. */
      accountId: Type.Optional(Type.Integer()),
      /** already-disabled, not-disabled, account-has-work: the account's user name. */
      username: Type.Optional(Type.String()),
      /** unknown-form, form-retired, form-already-retired: the pack and form (docs/forms.md). */
      packId: Type.Optional(Type.String()),
      formId: Type.Optional(Type.String()),
      /** unknown-form: the pack's forms, comma-separated (empty for a pack with one form). */
      forms: Type.Optional(Type.String()),
      /** form-retired: why and when the form was retired. */
      reason: Type.Optional(Type.String()),
      retiredAt: Type.Optional(Type.Integer()),
    }),
  },
  { $id: 'ErrorBody', description: 'A clear error: `code` is stable, `message` says what to do.' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error responses of a route, so every status it answers is documented and serialised. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}
