import type { LecternDb } from '../db/open-database.js';

// What the lost-time measure reads: one candidate's connection losses and returns (recorded by
// the presence watch), and the session's locks, unlocks and extra time (the audit log), whose
// detail names the candidate.

export interface ConnectionRow {
  at: number;
  kind: string;
  detail: string;
}

export interface ControlRow {
  at: number;
  action: string;
  detail: string;
}

export class LostTimeRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      connections: c.prepare<[number, number], ConnectionRow>(
        `SELECT at, kind, detail FROM supervision_events
         WHERE session_id = ? AND candidate_id = ? AND kind IN ('connection-lost', 'connection-back') ORDER BY at, id`,
      ),
      controls: c.prepare<[number, number], ControlRow>(
        `SELECT at, action, detail FROM audit_log
         WHERE session_id = ? AND action IN ('candidate.locked', 'candidate.unlocked', 'candidate.extra-time')
           AND json_extract(detail, '$.candidateId') = ? ORDER BY id`,
      ),
      interruptions: c.prepare<[number], { detail: string }>(
        "SELECT detail FROM supervision_events WHERE session_id = ? AND candidate_id IS NULL AND kind = 'server-interrupted' ORDER BY at, id",
      ),
    };
  }

  /** The server's interruptions recorded in the session (server-interruptions.ts). */
  interruptions(sessionId: number): { detail: string }[] {
    return this.st.interruptions.all(sessionId);
  }

  connections(sessionId: number, candidateId: number): ConnectionRow[] {
    return this.st.connections.all(sessionId, candidateId);
  }

  controls(sessionId: number, candidateId: number): ControlRow[] {
    return this.st.controls.all(sessionId, candidateId);
  }
}
