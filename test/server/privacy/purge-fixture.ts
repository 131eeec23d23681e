// A database with ended sessions full of candidate data, written through the real schema into
// the real SQLite file, so the purge is tried on what the server stores.
import { AuditLog } from '../../../server/audit/audit-log.js';
import type { LecternDb } from '../../../server/db/open-database.js';
import { answers, lateSaves } from '../../../server/db/schema/answers.js';
import { candidateIdentities, candidates, examSessions } from '../../../server/db/schema/exam-sessions.js';
import { answerMarks, gradingAssignments, scriptMarks } from '../../../server/db/schema/grading.js';
import { accounts } from '../../../server/db/schema/accounts.js';
import { fallbackKeys, fallbackProctorCodes } from '../../../server/db/schema/fallback.js';
import { incidents, messageAcknowledgements, proctorMessages, supervisionEvents } from '../../../server/db/schema/supervision.js';

export const DAY = 24 * 60 * 60 * 1000;

export interface SessionSeed {
  code: string;
  endedAt: number | null;
  juryExported: boolean;
}

/** A corrector account (marks need one) and, per seed, a session of two candidates with every kind of data. */
export function seedSessions(db: LecternDb, seeds: SessionSeed[]): Map<string, number> {
  const audit = new AuditLog(db);
  const corrector = db.insert(accounts).values({ username: `corrector-${Math.random().toString(36).slice(2, 7)}`, displayName: 'Corr', role: 'corrector', passwordHash: 'x', createdAt: 1 }).returning().get();
  const ids = new Map<string, number>();
  for (const seed of seeds) {
    const createdAt = (seed.endedAt ?? Date.now()) - DAY;
    const session = db
      .insert(examSessions)
      .values({ code: seed.code, packId: 'devops-title-qp', packDigest: 'd', title: `Session ${seed.code}`, state: seed.endedAt === null ? 'running' : 'ended', durationMs: 1_800_000, startedAt: createdAt, endedAt: seed.endedAt, createdAt })
      .returning()
      .get();
    ids.set(seed.code, session.id);
    for (const n of [1, 2]) {
      const c = db.insert(candidates).values({ sessionId: session.id, code: `${seed.code}C${n}`, workstation: `PC-0${n}`, submittedAt: createdAt + 1000, submitKind: 'candidate', receiptDigest: `digest-${seed.code}-${n}` }).returning().get();
      db.insert(candidateIdentities).values({ candidateId: c.id, fullName: `Candidate ${seed.code} ${n}` }).run();
      db.insert(fallbackKeys).values({ candidateId: c.id, key: 'a2V5', issuedAt: createdAt }).run();
      db.insert(answers).values({ candidateId: c.id, questionId: 'q1', text: `Answer of ${seed.code} ${n}`, revision: 3, wordCount: 4, savedAt: createdAt + 500 }).run();
      db.insert(lateSaves).values({ candidateId: c.id, questionId: 'q1', revision: 4, text: 'late', receivedAt: createdAt + 2000 }).run();
      db.insert(gradingAssignments).values({ candidateId: c.id, correctorId: corrector.id, reading: 1, assignedAt: createdAt }).run();
      db.insert(answerMarks).values({ candidateId: c.id, questionId: 'q1', correctorId: corrector.id, keyPoints: { k1: 'found' }, comment: 'ok', revision: 1, updatedAt: createdAt }).run();
      db.insert(scriptMarks).values({ candidateId: c.id, correctorId: corrector.id, writingBands: {}, competence: {}, revision: 1, updatedAt: createdAt }).run();
      db.insert(supervisionEvents).values({ sessionId: session.id, candidateId: c.id, kind: 'focus-lost', detail: {}, at: createdAt + 100 }).run();
      const message = db.insert(proctorMessages).values({ sessionId: session.id, candidateId: c.id, text: `Hello ${n}`, sentAt: createdAt + 200 }).returning().get();
      db.insert(messageAcknowledgements).values({ messageId: message.id, candidateId: c.id, acknowledgedAt: createdAt + 300 }).run();
      db.insert(incidents).values({ sessionId: session.id, candidateId: c.id, at: createdAt + 400, text: `Incident for Candidate ${seed.code} ${n}` }).run();
    }
    db.insert(fallbackProctorCodes).values({ sessionId: session.id, code: 'CODE', salt: 'salt', issuedAt: createdAt }).run();
    if (seed.juryExported) audit.append({ actorKind: 'account', actorId: corrector.id, sessionId: session.id, action: 'grading.jury-exported', detail: { format: 'csv' } }, createdAt + 5000);
  }
  return ids;
}

/** How many rows of each kind a session still has. */
export function countsOf(db: LecternDb, sessionId: number) {
  const ids = db.$client.prepare<[number], { id: number }>('SELECT id FROM candidates WHERE session_id = ?').all(sessionId).map((r) => r.id);
  const inIds = `(${ids.join(',') || 'NULL'})`;
  const n = (sql: string) => db.$client.prepare<[], { n: number }>(sql).get()?.n ?? -1;
  return {
    candidates: ids.length,
    names: n(`SELECT COUNT(*) AS n FROM candidate_identities WHERE candidate_id IN ${inIds}`),
    answers: n(`SELECT COUNT(*) AS n FROM answers WHERE candidate_id IN ${inIds}`),
    lateSaves: n(`SELECT COUNT(*) AS n FROM late_saves WHERE candidate_id IN ${inIds}`),
    marks: n(`SELECT COUNT(*) AS n FROM answer_marks WHERE candidate_id IN ${inIds}`) + n(`SELECT COUNT(*) AS n FROM script_marks WHERE candidate_id IN ${inIds}`),
    assignments: n(`SELECT COUNT(*) AS n FROM grading_assignments WHERE candidate_id IN ${inIds}`),
    events: n(`SELECT COUNT(*) AS n FROM supervision_events WHERE session_id = ${sessionId}`),
    messages: n(`SELECT COUNT(*) AS n FROM proctor_messages WHERE session_id = ${sessionId}`),
    incidents: n(`SELECT COUNT(*) AS n FROM incidents WHERE session_id = ${sessionId}`),
    receipts: n(`SELECT COUNT(*) AS n FROM candidates WHERE session_id = ${sessionId} AND receipt_digest IS NOT NULL`),
    // The fallback file's keys open answers: they go with the answers.
    fallbackKeys: n(`SELECT COUNT(*) AS n FROM fallback_keys WHERE candidate_id IN ${inIds}`) + n(`SELECT COUNT(*) AS n FROM fallback_proctor_codes WHERE session_id = ${sessionId}`),
  };
}

export const full = { candidates: 2, names: 2, answers: 2, lateSaves: 2, marks: 4, assignments: 2, events: 2, messages: 2, incidents: 2, receipts: 2, fallbackKeys: 3 };
