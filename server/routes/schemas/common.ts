import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) },
  { $id: 'ErrorBody', description: 'A clear error: `code` is stable, `message` says what to do.' },
);

/** Standard error responses for a route, so every status is documented in the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}

export const Localized = Type.Object({ fr: Type.String(), en: Type.String() });
export const Empty = Type.Object({}, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
