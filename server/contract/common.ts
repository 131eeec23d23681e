// Small shapes every area of the contract uses. The contract imports only TypeBox and itself:
// the server, the kiosk, the dashboard and the grading view all compile against these files.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

/** A value or null: JSON has no undefined, and the server says "not yet" with null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A list of string literals as a schema (`as const` arrays stay the one source of the values). */
export function OneOf<const T extends readonly string[]>(values: T, options?: { description?: string }): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((v) => Type.Literal(v)), options);
}

/** Text shown in the interface, in both languages. Exam content itself is not translated. */
export const Localized = Type.Object({ fr: Type.String(), en: Type.String() });
export type Localized = Static<typeof Localized>;

/** Server time in epoch milliseconds. */
export const Time = Type.Integer();
export const Id = Type.Integer({ minimum: 1 });

export const Empty = Type.Object({}, { additionalProperties: false });
export const IdParams = Type.Object({ id: Id });
export const Done = Type.Object({ ok: Type.Literal(true) });

/** A count per key (supervision events by kind, words per question...). */
export const Counts = Type.Record(Type.String(), Type.Integer());
