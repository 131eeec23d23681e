import type { FastifyBaseLogger } from 'fastify';
import type { ExamService } from '../exam/exam-service.js';
import type { LiveHub, Presence } from '../live/live-hub.js';
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
    // Whether a loss matters is read once per session and per check, not per kiosk: a switch
    // rebooting takes a whole room offline in one check (5,000 kiosks, two reads each, before).
    const writing = new Map<number, ReadonlySet<number>>();
    // Losing the connection matters while the candidate is writing, not before or after.
    const worthRecording = (p: Presence): boolean => {
      let ids = writing.get(p.sessionId);
      if (!ids) writing.set(p.sessionId, (ids = this.exam.writingCandidates(p.sessionId)));
      return ids.has(p.candidateId);
    };
    for (const p of this.hub.presence.values()) {
      const online = this.hub.isConnected(p.candidateId, now);
      const before = this.known.get(p.candidateId);
      if (!before) {
        this.known.set(p.candidateId, { online, since: now });
        continue;
      }
      if (before.online === online) continue;
      this.known.set(p.candidateId, { online, since: now });
      // Recorded in one transaction with the rest of this check's events (SupervisionLog batches a turn).
      if (!online) {
        // A closed socket was already announced; a silent one is announced here.
        if (p.sockets > 0) this.hub.events.emit('presence', p.sessionId, p, 'offline');
        if (this.expected.delete(p.candidateId)) continue;
        if (worthRecording(p)) {
          this.supervision.record(p.sessionId, p.candidateId, 'connection-lost', {
            cause: p.sockets > 0 ? 'heartbeat-stopped' : 'socket-closed',
            silentMs: Math.max(0, now - p.lastHeartbeatAt),
          }, now);
        }
      } else {
        this.expected.delete(p.candidateId);
        if (worthRecording(p)) {
          this.supervision.record(p.sessionId, p.candidateId, 'connection-back', { offlineMs: now - before.since }, now);
        }
      }
    }
  }
}
