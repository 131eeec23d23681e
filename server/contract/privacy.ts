// The admin's "Données" tab: retention periods, each session's place in the data's life cycle,
// holds, purges, and who read candidates' data.
import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const Ms = Type.Integer({ description: 'milliseconds since the epoch' });

export const PurgeStep = Type.Union([Type.Literal('monitoring'), Type.Literal('answers'), Type.Literal('names')]);
export const PurgeSkip = Type.Union([Type.Literal('held'), Type.Literal('not-ended'), Type.Literal('no-jury-export')]);

export const RetentionPolicyView = Type.Object({
  answers: Type.Integer(),
  names: Type.Integer(),
  monitoring: Type.Integer(),
  audit: Type.Integer(),
  backups: Type.Integer(),
});

export const SessionRetentionView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  endedAt: Nullable(Ms),
  juryExportedAt: Nullable(Ms),
  heldAt: Nullable(Ms),
  holdReason: Type.Union([Type.String(), Type.Null()]),
  monitoringPurgedAt: Nullable(Ms),
  purgedAt: Nullable(Ms),
  namesPurgedAt: Nullable(Ms),
  forced: Type.Boolean(),
  /** What the retention periods say is due now. */
  due: Type.Array(PurgeStep),
});
export type SessionRetentionView = Static<typeof SessionRetentionView>;

/** GET /api/admin/privacy */
export const PrivacyView = Type.Object({ policy: RetentionPolicyView, sessions: Type.Array(SessionRetentionView) });
export type PrivacyView = Static<typeof PrivacyView>;

/** POST /api/admin/sessions/:id/hold */
export const HoldBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export type HoldBody = Static<typeof HoldBody>;

/** POST /api/admin/purge: a day (YYYY-MM-DD) for every kind, or null for the retention periods. */
export const PurgeBody = Type.Object(
  { before: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]), force: Type.Boolean(), dryRun: Type.Boolean() },
  { additionalProperties: false },
);
export type PurgeBody = Static<typeof PurgeBody>;

export const PurgedSessionView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  endedAt: Nullable(Ms),
  steps: Type.Array(PurgeStep),
  skipped: Type.Array(Type.Object({ step: PurgeStep, why: PurgeSkip })),
  removed: Type.Record(Type.String(), Type.Integer()),
});
export type PurgedSessionView = Static<typeof PurgedSessionView>;

/** The audit log's entries past their own period (removed, or that would be on a dry run), and the newest of them. */
export const AuditExpiryView = Type.Object({ entries: Type.Integer({ minimum: 0 }), days: Type.Integer({ minimum: 1 }), throughAt: Nullable(Ms) });
export type AuditExpiryView = Static<typeof AuditExpiryView>;

export const PurgeResult = Type.Object({ dryRun: Type.Boolean(), sessions: Type.Array(PurgedSessionView), audit: AuditExpiryView });
export type PurgeResult = Static<typeof PurgeResult>;

export const DataReadsQuery = Type.Object({ sessionId: Type.Optional(Type.Integer({ minimum: 1 })), accountId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const DataReadView = Type.Object({
  at: Ms,
  accountId: Nullable(Type.Integer()),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  sessionId: Nullable(Type.Integer()),
  sessionCode: Type.Union([Type.String(), Type.Null()]),
  kinds: Type.Array(Type.String()),
  route: Type.String(),
  candidateId: Type.Optional(Type.Integer()),
});
export type DataReadView = Static<typeof DataReadView>;

/** GET /api/admin/data-reads: the newest 500 reads. */
export const DataReadsView = Type.Object({ reads: Type.Array(DataReadView) });
export type DataReadsView = Static<typeof DataReadsView>;

/**
 * The exports an admin may take away sealed for the coordinator's key (age): the files that leave
 * the server with candidates' names, answers, grades or monitoring in them.
 */
export const sealableExports = ['jury.csv', 'jury.json', 'jury.html', 'report.csv', 'incidents.csv', 'events.csv', 'candidates.csv'] as const;
export type SealableExport = (typeof sealableExports)[number];

/** GET /api/admin/sessions/:id/sealed/:export */
export const SealedExportParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  export: Type.Union(sealableExports.map((e) => Type.Literal(e))),
});
export const SealedExportQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false });

/** GET /api/admin/sealing: whether exports can be sealed, and to which public key. */
export const SealingView = Type.Object({ recipient: Type.Union([Type.String(), Type.Null()]), exports: Type.Array(Type.String()) });
export type SealingView = Static<typeof SealingView>;
