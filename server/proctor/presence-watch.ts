import type { FastifyBaseLogger } from 'fastify';
import type { ExamService } from '../exam/exam-service.js';
import type { LiveHub } from '../live/live-hub.js';
import type { SupervisionLog } from '../live/supervision-log.js';

/**
 * Notices a kiosk whose heartbeat stopped (a pulled cable closes no socket) and tells the
 * dashboards, and records each loss of connection and its return as supervision events.
 *
 * A kiosk is offline once its last heartbeat is older than the hub's OFFLINE_AFTER_MS (4.5 s);
 * checking every 500 ms shows it offline at most 5 s after the last heartbeat arrived.
 */
export class PresenceWatch {
  private readonly known = new Map<number, { online: boolean; since: number }>();
  /** Candidates the proctor logged out (moved, marked absent): their disconnection is no incident. */
  private readonly expected = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly hub: LiveHub,
    private readonly exam: ExamService,
    private readonly supervision: SupervisionLog,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (err) {
        this.log.error({ err }, 'presence check failed');
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  expectDisconnect(candidateId: number): void {
    this.expected.add(candidateId);
  }

  check(now = Date.now()): void {
    for (const p of this.hub.presence.values()) {
      const online = this.hub.isConnected(p.candidateId, now);
      const before = this.known.get(p.candidateId);
      if (!before) {
        this.known.set(p.candidateId, { online, since: now });
        continue;
      }
      if (before.online === online) continue;
      this.known.set(p.candidateId, { online, since: now });
      if (!online) {
        // A closed socket was already announced; a silent one is announced here.
        if (p.sockets > 0) this.hub.events.emit('presence', p.sessionId, p, 'offline');
        if (this.expected.delete(p.candidateId)) continue;
        if (this.worthRecording(p.candidateId)) {
          this.supervision.record(p.sessionId, p.candidateId, 'connection-lost', {
            cause: p.sockets > 0 ? 'heartbeat-stopped' : 'socket-closed',
            silentMs: Math.max(0, now - p.lastHeartbeatAt),
          }, now);
        }
      } else {
        this.expected.delete(p.candidateId);
        if (this.worthRecording(p.candidateId)) {
          this.supervision.record(p.sessionId, p.candidateId, 'connection-back', { offlineMs: now - before.since }, now);
        }
      }
    }
  }

  /** Losing the connection matters while the candidate is writing, not before or after. */
  private worthRecording(candidateId: number): boolean {
    const c = this.exam.candidate(candidateId);
    if (!c || c.submittedAt !== null || c.absentAt !== null) return false;
    const s = this.exam.session(c.sessionId);
    return s?.state === 'running' || s?.state === 'paused';
  }
}
