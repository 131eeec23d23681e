import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { userError } from '../errors.js';
import { errors } from '../contract/errors.js';
import { Empty, IdParams } from '../contract/common.js';
import { DataReadsQuery, DataReadsView, HoldBody, PrivacyView, PurgeBody, PurgeResult, type DataReadView, type SessionRetentionView } from '../contract/privacy.js';
import { staffOf } from './principal.js';
import { parseDay } from '../privacy/days.js';
import { planSession, purgeBefore, purgeByPolicy } from '../privacy/purge.js';
import { cutoff } from '../privacy/retention-policy.js';
import type { DataReadRow } from '../privacy/data-reads.repo.js';

/** The admin's data life cycle: retention periods, holds, purges, and who read candidates' data. */
export default async function privacyRoutes(app: FastifyInstance) {
  const admin = app.requireStaff('admin');
  const { purge, policy, reads } = app.privacy;

  app.get('/api/admin/privacy', { preHandler: admin, schema: { summary: 'Retention periods and each session’s data life cycle', response: { 200: PrivacyView, ...errors(401, 403) } } }, async () => {
    const due = purgeByPolicy(policy, Date.now(), false);
    const sessions: SessionRetentionView[] = purge.holds().map((s) => ({
      id: s.id,
      code: s.code,
      title: s.title,
      endedAt: s.endedAt,
      juryExportedAt: s.juryExportedAt,
      heldAt: s.heldAt,
      holdReason: s.holdReason,
      monitoringPurgedAt: s.monitoringPurgedAt,
      purgedAt: s.purgedAt,
      namesPurgedAt: s.namesPurgedAt,
      forced: s.forced ?? false,
      due: planSession(s, due).steps,
    }));
    return { policy, sessions };
  });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof HoldBody> }>(
    '/api/admin/sessions/:id/hold',
    { preHandler: admin, schema: { summary: 'Freezes a session’s data while a dispute is open', params: IdParams, body: HoldBody, response: { 200: Empty, ...errors(400, 401, 403, 404) } } },
    async (request) => {
      app.exam.requireSession(request.params.id);
      const reason = request.body.reason.trim();
      if (!reason) throw userError(400, 'hold-reason-required', 'Write the reason for the hold (the open dispute).');
      purge.setHold(request.params.id, { reason }, staffOf(request).accountId);
      return {};
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/admin/sessions/:id/release',
    { preHandler: admin, schema: { summary: 'Lifts the hold on a session’s data', params: IdParams, body: Empty, response: { 200: Empty, ...errors(401, 403, 404) } } },
    async (request) => {
      app.exam.requireSession(request.params.id);
      purge.setHold(request.params.id, null, staffOf(request).accountId);
      return {};
    },
  );

  app.post<{ Body: Static<typeof PurgeBody> }>(
    '/api/admin/purge',
    { preHandler: admin, schema: { summary: 'Deletes candidates’ data of ended sessions (or shows what would go)', body: PurgeBody, response: { 200: PurgeResult, ...errors(400, 401, 403) } } },
    async (request) => {
      const { before, force, dryRun } = request.body;
      let request_ = purgeByPolicy(policy, Date.now(), force);
      if (before !== null) {
        const at = parseDay(before);
        if (at === null) throw userError(400, 'bad-day', `The date "${before}" is not a real day: write it YYYY-MM-DD.`);
        if (at > Date.now()) throw userError(400, 'day-in-future', `The date ${before} is in the future: a purge only concerns sessions that have ended.`);
        request_ = purgeBefore(at, force);
      }
      const actor = { kind: 'account', id: staffOf(request).accountId } as const;
      const sessions = dryRun ? purge.plan(request_).map((s) => ({ ...s, removed: {} })) : purge.run(request_, actor);
      // The audit log's own period, whatever the date asked.
      const expired = purge.expireAudit(cutoff(policy, 'audit', Date.now()), actor, { dryRun });
      return { dryRun, sessions, audit: { entries: expired.entries, days: policy.audit, throughAt: expired.throughAt } };
    },
  );

  app.get<{ Querystring: Static<typeof DataReadsQuery> }>(
    '/api/admin/data-reads',
    { preHandler: admin, schema: { summary: 'Who read candidates’ data, newest first (at most 500)', querystring: DataReadsQuery, response: { 200: DataReadsView, ...errors(400, 401, 403) } } },
    async (request) => ({ reads: reads.list(request.query, 500).map(readView) }),
  );
}

/** The audit row's detail is JSON the access log wrote: read each field for what it is. */
function readView(row: DataReadRow): DataReadView {
  const parsed: unknown = JSON.parse(row.detail);
  const detail: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
  return {
    at: row.at,
    accountId: row.accountId,
    username: row.username,
    displayName: row.displayName,
    sessionId: row.sessionId,
    sessionCode: row.sessionCode,
    kinds: Array.isArray(detail.kinds) ? detail.kinds.filter((k): k is string => typeof k === 'string') : [],
    route: typeof detail.route === 'string' ? detail.route : '',
    ...(typeof detail.candidateId === 'number' ? { candidateId: detail.candidateId } : {}),
  };
}
