// Parallel forms as the admin manages them (docs/forms.md): the forms of each pack with their
// exposures, the exposure log, and retiring a form (audited; a retired form is refused for a
// new session by ExamSessions.createSession).
import type { FormsView } from '../contract/forms.js';
import type { PackRegistry } from './pack-registry.js';
import { userError } from '../errors.js';
import { accountOf, actorFields, type Actor } from './actor.js';
import type { ExamStore } from './exam-store.js';
import type { FormExposureRow } from './forms.repo.js';

export class ExamForms {
  constructor(
    private readonly store: ExamStore,
    private readonly packs: PackRegistry,
  ) {}

  /** Every pack with parallel forms, each form with its retirement and how often it ran; then the log. */
  view(): FormsView {
    const exposures = this.store.forms.exposures();
    const retired = this.store.forms.allRetired();
    const packs = this.packs
      .list()
      .filter((p) => p.forms !== undefined)
      .map((p) => ({
        packId: p.id,
        title: p.title,
        forms: (p.forms ?? []).map((f) => {
          const r = retired.find((x) => x.packId === p.id && x.formId === f.id);
          const ran = exposures.filter((e) => e.packId === p.id && e.formId === f.id && !e.pilot);
          return { formId: f.id, title: f.title, retired: r ? { at: r.retiredAt, reason: r.reason } : null, exposures: ran.length, lastExposedAt: ran.at(-1)?.startedAt ?? null };
        }),
      }));
    return { packs, exposures: exposures.map(exposureView) };
  }

  isRetired(packId: string, formId: string): boolean {
    return this.store.forms.retired(packId, formId) !== undefined;
  }

  retire(packId: string, formId: string, reason: string, actor: Actor, now = Date.now()): void {
    const pack = this.packs.requireForm(packId, formId);
    if (!pack.form) throw userError(400, 'unknown-form', `The pack "${packId}" has a single form: there is no form to retire.`, { packId, formId, forms: '' });
    const text = reason.trim();
    if (text === '') throw userError(400, 'retire-reason-required', 'Say why the form is retired (for example "exposed in 6 sessions" or "questions seen online").');
    this.store.write(() => {
      if (!this.store.forms.retire({ packId, formId, reason: text, retiredBy: accountOf(actor), retiredAt: now })) {
        throw userError(409, 'form-already-retired', `Form ${formId} of the pack "${packId}" is already retired.`, { packId, formId });
      }
      this.store.audit.append({ ...actorFields(actor), action: 'form.retired', detail: { packId, formId, reason: text } }, now);
    })();
  }
}

function exposureView(e: FormExposureRow): FormsView['exposures'][number] {
  return { sessionId: e.sessionId, sessionCode: e.sessionCode, packId: e.packId, formId: e.formId, packDigest: e.packDigest, room: e.room, pilot: e.pilot, startedAt: e.startedAt, endedAt: e.endedAt };
}
