import fp from 'fastify-plugin';
import { AuditLog } from '../audit/audit-log.js';
import { ExamService } from '../exam/exam-service.js';
import { AnswerStore } from '../exam/answer-store.js';
import { PackRegistry } from '../exam/pack-registry.js';
import { ExamForms } from '../exam/forms.js';
import { LiveHub } from '../live/live-hub.js';
import { SupervisionLog } from '../live/supervision-log.js';
import { ExamEvents } from '../live/exam-events.js';
import { SealedPapers } from '../exam/sealed-paper.js';

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditLog;
    packs: PackRegistry;
    exam: ExamService;
    answers: AnswerStore;
    hub: LiveHub;
    /** Tells the kiosks and the dashboards about an exam change once it has committed. */
    examEvents: ExamEvents;
    supervision: SupervisionLog;
    /** Parallel forms: the exposure log and retiring a form (docs/forms.md). */
    examForms: ExamForms;
    /** The paper a waiting kiosk holds sealed, opened by the key the start sends (issue 15, item 3). */
    sealedPapers: SealedPapers;
  }
}

/** The exam's domain services, and the one-second sweep that submits candidates at their deadline. */
export default fp<{ contentDir: string }>(
  async (app, opts) => {
    const audit = new AuditLog(app.db);
    const packs = new PackRegistry(opts.contentDir);
    for (const p of packs.problems) app.log.error(`${p.file}:${p.line}: ${p.message}`);
    const exam = new ExamService(app.db, audit);
    const hub = new LiveHub();
    const sealedPapers = new SealedPapers();
    const events = new ExamEvents(exam, hub, (sessionId) => sealedPapers.takeKey(sessionId, packs.get(exam.session(sessionId)?.packId ?? '')));
    app.decorate('audit', audit);
    app.decorate('packs', packs);
    app.decorate('exam', exam);
    app.decorate('examForms', new ExamForms(exam.store, packs));
    app.decorate('answers', new AnswerStore(app.db));
    app.decorate('hub', hub);
    app.decorate('examEvents', events);
    app.decorate('sealedPapers', sealedPapers);
    app.decorate('supervision', new SupervisionLog(app.db, hub, app.log));

    const sweep = setInterval(() => {
      try {
        const overdue = exam.sweepOverdue();
        for (const done of overdue.submitted) events.submitted(done.sessionId, done.candidateId, done.receipt);
        for (const gone of overdue.absent) events.candidate(gone.sessionId, gone.candidateId, 'marked-absent');
      } catch (err) {
        app.log.error({ err }, 'deadline sweep failed');
      }
    }, 1000);
    sweep.unref();

    app.addHook('preClose', async () => {
      clearInterval(sweep);
      hub.closeAll();
      // Saves and supervision events received before the close are written before the database closes.
      await app.answers.close();
      app.supervision.flush();
    });
    // Requests still in flight at preClose (a login refused as a second workstation) may record
    // an event after it: onClose runs once they are done, and before the database's own onClose.
    app.addHook('onClose', async () => {
      app.supervision.flush();
    });
  },
  { name: 'lectern-exam-services', dependencies: ['lectern-database'] },
);
