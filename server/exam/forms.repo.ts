// The form exposure log and the retired forms (docs/forms.md): every query on those two tables.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { LecternDb } from '../db/open-database.js';
import { formExposures, retiredForms } from '../db/schema/forms.js';

export interface FormExposureRow {
  sessionId: number;
  sessionCode: string;
  packId: string;
  formId: string;
  packDigest: string;
  room: string;
  pilot: boolean;
  startedAt: number;
  endedAt: number | null;
}

export interface RetiredFormRow {
  packId: string;
  formId: string;
  reason: string;
  retiredBy: number | null;
  retiredAt: number;
}

const exposureColumns = {
  sessionId: formExposures.sessionId,
  sessionCode: formExposures.sessionCode,
  packId: formExposures.packId,
  formId: formExposures.formId,
  packDigest: formExposures.packDigest,
  room: formExposures.room,
  pilot: formExposures.pilot,
  startedAt: formExposures.startedAt,
  endedAt: formExposures.endedAt,
};

export class FormsRepo {
  constructor(private readonly db: LecternDb) {}

  insertExposure(row: Omit<FormExposureRow, 'endedAt'>): void {
    this.db.insert(formExposures).values(row).run();
  }

  closeExposure(sessionId: number, at: number): void {
    this.db.update(formExposures).set({ endedAt: at }).where(and(eq(formExposures.sessionId, sessionId), isNull(formExposures.endedAt))).run();
  }

  exposures(): FormExposureRow[] {
    return this.db.select(exposureColumns).from(formExposures).orderBy(asc(formExposures.startedAt), asc(formExposures.id)).all();
  }

  retired(packId: string, formId: string): RetiredFormRow | undefined {
    return this.db.select().from(retiredForms).where(and(eq(retiredForms.packId, packId), eq(retiredForms.formId, formId))).get();
  }

  allRetired(): RetiredFormRow[] {
    return this.db.select().from(retiredForms).orderBy(asc(retiredForms.retiredAt)).all();
  }

  /** False when the form was already retired (the first retirement, its reason and date, stand). */
  retire(row: RetiredFormRow): boolean {
    return this.db.insert(retiredForms).values(row).onConflictDoNothing().run().changes > 0;
  }
}
