// How a simulated proctor dashboard talks over the staff socket, kept in one place so the
// generator follows the dashboard's protocol as it evolves (server/live/staff-socket.ts).
//
// A dashboard's event latency is measured as (time the dashboard receives the event) minus
// (the server's `savedAt` of the save it reports). `savedAt` is taken by the server when the
// save arrives, on the same machine's clock as the generator, so the figure covers the commit,
// the fan-out and the delivery to the dashboard.

export interface DashboardProtocol {
  /** Messages a dashboard sends once its socket is open (e.g. subscribing to its sessions). */
  openingMessages(sessionIds: number[]): unknown[];
  /** Server timestamps (ms since the epoch) of the saves an incoming message reports. */
  saveTimestamps(message: unknown): number[];
}

/**
 * The dashboard's protocol (server/proctor/dashboard-protocol.ts): a socket subscribes to one
 * session, gets a snapshot, then `deltas` frames; a `words` delta reports an acknowledged save
 * with its `savedAt`. A dashboard given several sessions subscribes to the first.
 */
export const defaultDashboardProtocol: DashboardProtocol = {
  openingMessages: (sessionIds) => (sessionIds.length ? [{ type: 'subscribe', sessionId: sessionIds[0] }] : []),
  saveTimestamps: (message) => {
    const m = message as { type?: unknown; deltas?: unknown } | null;
    if (!m || m.type !== 'deltas' || !Array.isArray(m.deltas)) return [];
    const out: number[] = [];
    for (const d of m.deltas as { type?: unknown; savedAt?: unknown }[]) {
      if (d && d.type === 'words' && typeof d.savedAt === 'number') out.push(d.savedAt);
    }
    return out;
  },
};
