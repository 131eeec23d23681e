import type { LecternDb } from '../db/open-database.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthService } from './auth-service.js';
import { transaction } from '../db/connection.js';
import type { FallbackKeys } from '../recovery/fallback-keys.js';

export interface CandidateLoginInput {
  candidateId: number;
  sessionId: number;
  workstation: string | null;
  address: string;
  now: number;
}

/**
 * What a candidate login writes, in one transaction: the end of the candidate's earlier login
 * sessions (one kiosk per candidate), the new one, and its audit row. With synchronous=FULL each
 * commit costs an fsync, and a room of candidates logs in within a few minutes: one commit
 * rather than three. It is also all or nothing: a login whose audit row cannot be written
 * neither logs the earlier kiosk out nor opens a session.
 */
export class CandidateLoginWriter {
  private readonly write;

  constructor(db: LecternDb, auth: AuthService, audit: AuditLog, fallback?: FallbackKeys) {
    this.write = transaction(db, (input: CandidateLoginInput) => {
      auth.revokeCandidateSessions(input.candidateId, input.now);
      // The fallback file's key (issue 10, item 4) is issued with the login, so it is in every backup after it.
      fallback?.issue(input.candidateId, input.sessionId, input.now);
      const opened = auth.open({ candidateId: input.candidateId }, input.address, input.now);
      audit.append(
        { actorKind: 'candidate', actorId: input.candidateId, sessionId: input.sessionId, action: 'candidate.logged-in', detail: { workstation: input.workstation, address: input.address } },
        input.now,
      );
      return opened;
    });
  }

  /** Returns the cookie token and the CSRF token of the new login session, once committed. */
  open(input: CandidateLoginInput): { token: string; csrfToken: string } {
    return this.write(input);
  }
}
