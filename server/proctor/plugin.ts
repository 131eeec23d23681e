import fp from 'fastify-plugin';
import { recordDataRead } from '../privacy/data-access-log.js';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { handleStaffSocket } from '../live/staff-socket.js';
import { normalizeCode } from '../contract/rules/code-format.js';
import { userError } from '../errors.js';
import { SessionAccess } from './access.js';
import { DashboardService } from './dashboard-service.js';
import { DashboardBroadcaster } from './dashboard-broadcaster.js';
import { PresenceWatch } from './presence-watch.js';
import { ProctorControls } from './controls.js';
import { ReportBuilder } from './report.js';
import { LostTimeService } from './lost-time.js';
import { ServerInterruptions } from './server-interruptions.js';
import { sebHeaderMatches } from './seb.js';

export interface ProctorServices {
  access: SessionAccess;
  dashboard: DashboardService;
  broadcaster: DashboardBroadcaster;
  watch: PresenceWatch;
  controls: ProctorControls;
  reports: ReportBuilder;
  lostTime: LostTimeService;
}

declare module 'fastify' {
  interface FastifyInstance {
    proctor: ProctorServices;
  }
}

/**
 * Live supervision: the dashboard's data and deltas, the proctor's controls, the report, the
 * staff sockets (handed over by /ws through `app.staffSocketHandler`), the offline watch and the
 * optional Safe Exam Browser check on kiosk requests.
 */
export default fp(
  async (app) => {
    const access = new SessionAccess(app.db);
    const dashboard = new DashboardService(app.db, app.exam, app.packs, app.hub);
    const broadcaster = new DashboardBroadcaster(dashboard, app.exam, app.hub);
    const watch = new PresenceWatch(app.hub, app.exam, app.supervision, app.log);
    const controls = new ProctorControls(app.db, app.exam, app.hub, app.examEvents, app.auth, dashboard, watch);
    const reports = new ReportBuilder(app.db, app.exam, app.packs, app.audit);
    const lostTime = new LostTimeService(app.db);
    app.decorate('proctor', { access, dashboard, broadcaster, watch, controls, reports, lostTime });

    const staffSockets = new Set<WebSocket>();
    app.decorate('staffSocketHandler', (socket, principal) => {
      staffSockets.add(socket);
      socket.on('close', () => staffSockets.delete(socket));
      // A dashboard that subscribes reads the session's monitoring for as long as it stays open:
      // the access log records the subscription (server/privacy/data-access-log.ts).
      const loggedAccess = {
        requireSupervisor: (p: typeof principal, sessionId: number) => {
          access.requireSupervisor(p, sessionId);
          recordDataRead(app.audit, { accountId: p.accountId, sessionId, kinds: ['monitoring'], route: 'ws:subscribe' });
        },
      };
      handleStaffSocket(socket, principal, { broadcaster, access: loggedAccess, log: app.log });
    });

    // Safe Exam Browser: when a session has a Config Key, its kiosk requests must prove it. The
    // login names the session in its body; afterwards the candidate's login session does.
    app.addHook('preHandler', async (request: FastifyRequest) => {
      const path = request.url.split('?')[0]!;
      if (!path.startsWith('/api/')) return;
      let configKey: string | null = null;
      if (path === '/api/candidate/login' && request.method === 'POST') {
        const code = (request.body as { sessionCode?: unknown } | undefined)?.sessionCode;
        if (typeof code === 'string') configKey = app.exam.sessionByCode(normalizeCode(code))?.sebConfigKey ?? null;
      } else if (request.principal?.kind === 'candidate') {
        configKey = app.exam.session(request.principal.sessionId)?.sebConfigKey ?? null;
      }
      if (configKey && !sebHeaderMatches(request, configKey)) {
        throw userError(403, 'safe-exam-browser-required', 'This exam must be taken in Safe Exam Browser with the configuration file the centre provides: call the proctor.');
      }
    });

    watch.start();
    // The heartbeat starts once the app is ready, and a clean close marks the run as stopped.
    const interruptions = new ServerInterruptions(app.db, app.exam, app.supervision, app.log);
    app.addHook('onReady', async () => interruptions.start());
    app.addHook('preClose', async () => {
      interruptions.stop();
      watch.stop();
      broadcaster.close();
      for (const s of staffSockets) s.close(1001, 'server shutting down');
    });
  },
  { name: 'lectern-proctor', dependencies: ['lectern-exam-services', 'lectern-authentication'] },
);
