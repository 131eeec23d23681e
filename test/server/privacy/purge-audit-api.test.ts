// The admin page's purge applies the audit log's own period too (issue 14, item 3): through the
// API on a real SQLite file, a preview counts the entries past it, and the purge removes them,
// leaving a chain that verifies from its anchor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../server/audit/audit.repo.js';
import { verifyChain } from '../../../server/audit/verify-chain.js';
import { DAY_MS } from '../../../server/privacy/retention-policy.js';
import { buildTestApp, createStaff, loginStaff, type Login, type TestApp } from '../../helpers/build-app.js';

let t: TestApp;
let admin: Login;
let adminId: number;
const SIX_YEARS = 6 * 365 * DAY_MS;

beforeAll(async () => {
  t = await buildTestApp();
  const account = await createStaff(t.app, 'admin');
  adminId = account.id;
  admin = await loginStaff(t.app, account.username, account.password);
  // Two entries written six years ago (the default period is five), before what the app wrote since.
  const old = Date.now() - SIX_YEARS;
  t.app.db.$client.exec('DROP TRIGGER audit_log_no_delete');
  const rows = new AuditRepo(t.app.db).chain();
  t.app.db.$client.exec('DELETE FROM audit_log');
  t.app.audit.append({ actorKind: 'system', action: 'server.started', detail: {} }, old);
  t.app.audit.append({ actorKind: 'system', action: 'server.stopped', detail: {} }, old + 1000);
  for (const r of rows) t.app.audit.append({ actorKind: r.actorKind, actorId: r.actorId, sessionId: r.sessionId, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }, r.at);
  t.app.db.$client.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchor)
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
});
afterAll(async () => t?.close());

describe('the admin page’s purge and the audit log’s own period', () => {
  it('a preview counts the entries past the period and removes nothing', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/admin/purge', headers: admin.headers, payload: { before: null, force: false, dryRun: true } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ dryRun: true, sessions: [], audit: { entries: 2, days: 1825 } });
    expect(new AuditRepo(t.app.db).anchor()).toBeUndefined();
  });

  it('the purge removes them, by this admin, and the kept chain verifies from the anchor', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/admin/purge', headers: admin.headers, payload: { before: null, force: false, dryRun: false } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ dryRun: false, audit: { entries: 2, days: 1825 } });
    const repo = new AuditRepo(t.app.db);
    const rows = repo.chain();
    expect(rows.some((row) => row.action === 'server.started' || row.action === 'server.stopped')).toBe(false);
    expect(rows.at(-1)).toMatchObject({ action: 'audit.expired', actorKind: 'account', actorId: adminId });
    expect(verifyChain(rows, undefined, repo.anchor()).firstBreak).toBeNull();
    expect(t.app.audit.verify()).toMatchObject({ ok: true });
  });
});
