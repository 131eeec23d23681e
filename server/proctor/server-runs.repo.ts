import type { LecternDb } from '../db/open-database.js';

// The server's own runs (server/db/schema/server-runs.ts) and what an interruption touches: the
// sessions running or paused, and their candidates still writing.

export interface ServerRunRow {
  id: number;
  lastBeatAt: number;
  stoppedAt: number | null;
}

export class ServerRunsRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      last: c.prepare<[], ServerRunRow>('SELECT id, last_beat_at AS lastBeatAt, stopped_at AS stoppedAt FROM server_runs ORDER BY id DESC LIMIT 1'),
      start: c.prepare<[number, number], { id: number }>('INSERT INTO server_runs (started_at, last_beat_at) VALUES (?, ?) RETURNING id'),
      beat: c.prepare<[number, number]>('UPDATE server_runs SET last_beat_at = ? WHERE id = ?'),
      stop: c.prepare<[number, number, number]>('UPDATE server_runs SET last_beat_at = ?, stopped_at = ? WHERE id = ?'),
      openSessions: c.prepare<[], { id: number; state: string }>("SELECT id, state FROM exam_sessions WHERE state IN ('running', 'paused')"),
    };
  }

  lastRun(): ServerRunRow | undefined {
    return this.st.last.get();
  }

  startRun(now: number): number {
    return this.st.start.get(now, now)!.id;
  }

  beat(runId: number, now: number): void {
    this.st.beat.run(now, runId);
  }

  stop(runId: number, now: number): void {
    this.st.stop.run(now, now, runId);
  }

  openSessions(): { id: number; state: string }[] {
    return this.st.openSessions.all();
  }
}
