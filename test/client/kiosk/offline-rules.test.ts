import { describe, expect, it } from 'vitest';
import { decidesOnBody, keepsPaperAnswer, offlineRuleFor } from '../../../client/kiosk/offline-rules.js';

// What the kiosk's service worker handles and keeps (issue 10, item 7).
const origin = 'http://10.0.0.5:8080';
const rule = (path: string, from = origin) => offlineRuleFor(new URL(path, from), origin);

describe('the kiosk service worker’s rules', () => {
  it('handles the kiosk’s page, its hashed files and the candidate’s paper, nothing else', () => {
    expect(rule('/')).toBe('shell-page');
    expect(rule('/?workstation=PC-12')).toBe('shell-page');
    expect(rule('/assets/kiosk-0123456789ab.js')).toBe('shell-asset');
    expect(rule('/assets/base-0123456789ab.css')).toBe('shell-asset');
    expect(rule('/api/auth/me')).toBe('paper');
    expect(rule('/api/attempt')).toBe('paper');
    expect(rule('/api/attempt/sections/s1/document')).toBe('paper');
    expect(rule('/api/packs/devops-title-qp/assets/images/schema.png')).toBe('paper');
    // Staff pages and their data, other APIs, plain (revalidated) asset names: never.
    for (const path of ['/proctor', '/admin', '/grading', '/api/sessions/1/dashboard', '/api/sessions/1/report', '/proctor/sessions/1/report', '/api/admin/accounts', '/api/attempt/submit', '/assets/kiosk.js', '/kiosk-sw.js', '/healthz']) {
      expect(rule(path), path).toBeNull();
    }
    // Another origin: never.
    expect(rule('/api/attempt', 'http://10.0.0.6:8080')).toBeNull();
  });

  it('keeps a candidate’s login and an attempt before its receipt; never a staff login, a receipt or a failure', () => {
    expect(decidesOnBody('/api/auth/me')).toBe(true);
    expect(decidesOnBody('/api/attempt')).toBe(true);
    expect(decidesOnBody('/api/attempt/sections/s1/document')).toBe(false);
    expect(keepsPaperAnswer('/api/auth/me', 200, { kind: 'candidate', csrfToken: 'x' })).toBe(true);
    expect(keepsPaperAnswer('/api/auth/me', 200, { kind: 'staff', csrfToken: 'x' })).toBe(false);
    expect(keepsPaperAnswer('/api/auth/me', 401, { code: 'unauthenticated' })).toBe(false);
    expect(keepsPaperAnswer('/api/attempt', 200, { candidate: { receipt: null } })).toBe(true);
    expect(keepsPaperAnswer('/api/attempt', 200, { candidate: { receipt: { digest: 'ab' } } })).toBe(false);
    expect(keepsPaperAnswer('/api/attempt', 200, null)).toBe(false);
    expect(keepsPaperAnswer('/api/attempt/sections/s1/document', 200, null)).toBe(true);
    expect(keepsPaperAnswer('/api/attempt/sections/s1/document', 503, null)).toBe(false);
    expect(keepsPaperAnswer('/api/packs/p/assets/a.png', 404, null)).toBe(false);
  });
});
