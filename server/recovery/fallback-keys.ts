// Issuing the fallback file's key to an attempt and the proctor code to its session, inside the
// candidate's login transaction (server/auth/candidate-login.ts), and what the kiosk is given.
import { randomBytes } from 'node:crypto';
import { newSessionCode } from '../auth/codes.js';
import type { FallbackIssue } from '../contract/fallback-file.js';
import { proctorCodeDigest } from '../contract/rules/fallback-seal.js';
import type { FallbackRepo } from './fallback.repo.js';

/** Two minutes without the server before the kiosk offers the file (issue 10, item 4). */
export const DEFAULT_OFFER_AFTER_MS = 120_000;

export class FallbackKeys {
  /**
   * The proctor code's digest by salt and code: the same for a whole session, and asked for by
   * every kiosk of the room at once when the proctor starts (issue 15, item 3: hashing it each
   * time took half of /api/attempt's time). Keyed by both, so a code issued anew is hashed anew.
   */
  private readonly digests = new Map<string, Promise<string>>();

  constructor(
    private readonly repo: FallbackRepo,
    private readonly offerAfterMs = DEFAULT_OFFER_AFTER_MS,
  ) {}

  /** Synchronous: runs inside the login's transaction. An existing key or code is kept. */
  issue(candidateId: number, sessionId: number, now: number): void {
    this.repo.insertKey(candidateId, randomBytes(32).toString('base64'), now);
    this.repo.insertProctorCode(sessionId, newSessionCode(), randomBytes(16).toString('hex'), now);
  }

  /** What the kiosk receives with its attempt; null for an attempt logged in before keys existed. */
  async forKiosk(candidateId: number, sessionId: number): Promise<FallbackIssue | null> {
    const key = this.repo.key(candidateId);
    const code = this.repo.proctorCode(sessionId);
    if (key === null || code === null) return null;
    return { attemptId: candidateId, key, offerAfterMs: this.offerAfterMs, proctorCodeSalt: code.salt, proctorCodeDigest: await this.digestOf(code.salt, code.code) };
  }

  private digestOf(salt: string, code: string): Promise<string> {
    const key = `${salt}|${code}`;
    let digest = this.digests.get(key);
    if (!digest) {
      digest = proctorCodeDigest(salt, code);
      this.digests.set(key, digest);
    }
    return digest;
  }

  /** The session's proctor code, issued now if no candidate has logged in yet. */
  proctorCode(sessionId: number, now = Date.now()): string {
    const existing = this.repo.proctorCode(sessionId);
    if (existing) return existing.code;
    this.repo.insertProctorCode(sessionId, newSessionCode(), randomBytes(16).toString('hex'), now);
    return this.repo.proctorCode(sessionId)!.code;
  }
}
