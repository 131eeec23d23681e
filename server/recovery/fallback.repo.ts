// The fallback file's rows: the attempts' keys, the sessions' proctor codes, and what an import
// reads and writes (the attempt named by a file, the server's answers, the imported answers and
// their supervision event). Raw SQL with typed statements, like the other hot or small repos.
import type { LecternDb } from '../db/open-database.js';

export interface KeyRow {
  key: string;
}

export interface ProctorCodeRow {
  code: string;
  salt: string;
}

/** The attempt a file names, with its session and key (null when it never logged in). */
export interface AttemptRow {
  candidateId: number;
  candidateCode: string;
  sessionId: number;
  sessionCode: string;
  packId: string;
  key: string | null;
}

export interface SessionKeyRow {
  candidateId: number;
  candidateCode: string;
  key: string;
}

export interface ServerAnswerRow {
  questionId: string;
  revision: number;
}

export interface ImportedAnswer {
  candidateId: number;
  questionId: string;
  text: string;
  revision: number;
  wordCount: number;
  at: number;
}

export class FallbackRepo {
  private readonly st;

  constructor(db: LecternDb) {
    const c = db.$client;
    this.st = {
      key: c.prepare<[number], KeyRow>('SELECT key FROM fallback_keys WHERE candidate_id = ?'),
      insertKey: c.prepare<[number, string, number]>('INSERT OR IGNORE INTO fallback_keys (candidate_id, key, issued_at) VALUES (?, ?, ?)'),
      proctorCode: c.prepare<[number], ProctorCodeRow>('SELECT code, salt FROM fallback_proctor_codes WHERE session_id = ?'),
      insertProctorCode: c.prepare<[number, string, string, number]>('INSERT OR IGNORE INTO fallback_proctor_codes (session_id, code, salt, issued_at) VALUES (?, ?, ?, ?)'),
      attempt: c.prepare<[number], AttemptRow>(
        `SELECT c.id AS candidateId, c.code AS candidateCode, s.id AS sessionId, s.code AS sessionCode, s.pack_id AS packId, k.key AS key
         FROM candidates c JOIN exam_sessions s ON s.id = c.session_id LEFT JOIN fallback_keys k ON k.candidate_id = c.id WHERE c.id = ?`,
      ),
      sessionKeys: c.prepare<[number], SessionKeyRow>(
        'SELECT c.id AS candidateId, c.code AS candidateCode, k.key AS key FROM candidates c JOIN fallback_keys k ON k.candidate_id = c.id WHERE c.session_id = ? ORDER BY c.id',
      ),
      allKeys: c.prepare<[], SessionKeyRow>('SELECT c.id AS candidateId, c.code AS candidateCode, k.key AS key FROM candidates c JOIN fallback_keys k ON k.candidate_id = c.id ORDER BY c.id'),
      sessionByCode: c.prepare<[string], { id: number }>('SELECT id FROM exam_sessions WHERE code = ?'),
      answers: c.prepare<[number], ServerAnswerRow>('SELECT question_id AS questionId, revision FROM answers WHERE candidate_id = ?'),
      // The revision rule as an SQL guard, as in the answer writer: never over a newer revision.
      writeAnswer: c.prepare<[number, string, string, number, number, number]>(
        `INSERT INTO answers (candidate_id, question_id, text, revision, word_count, saved_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (candidate_id, question_id) DO UPDATE SET text = excluded.text, revision = excluded.revision, word_count = excluded.word_count, saved_at = excluded.saved_at
         WHERE excluded.revision > answers.revision`,
      ),
      event: c.prepare<[number, number, string, number]>("INSERT INTO supervision_events (session_id, candidate_id, kind, detail, at) VALUES (?, ?, 'answer-imported', ?, ?)"),
    };
  }

  key(candidateId: number): string | null {
    return this.st.key.get(candidateId)?.key ?? null;
  }

  /** Keeps an existing key: a file saved before a second login still opens. */
  insertKey(candidateId: number, key: string, at: number): void {
    this.st.insertKey.run(candidateId, key, at);
  }

  proctorCode(sessionId: number): ProctorCodeRow | null {
    return this.st.proctorCode.get(sessionId) ?? null;
  }

  insertProctorCode(sessionId: number, code: string, salt: string, at: number): void {
    this.st.insertProctorCode.run(sessionId, code, salt, at);
  }

  attempt(candidateId: number): AttemptRow | null {
    return this.st.attempt.get(candidateId) ?? null;
  }

  /** Every issued key of a session, or of every session when `sessionId` is null. */
  keys(sessionId: number | null): SessionKeyRow[] {
    return sessionId === null ? this.st.allKeys.all() : this.st.sessionKeys.all(sessionId);
  }

  sessionIdByCode(code: string): number | null {
    return this.st.sessionByCode.get(code)?.id ?? null;
  }

  serverAnswers(candidateId: number): ServerAnswerRow[] {
    return this.st.answers.all(candidateId);
  }

  /** Returns false when the server's revision moved past it meanwhile (nothing written). */
  writeAnswer(a: ImportedAnswer): boolean {
    return this.st.writeAnswer.run(a.candidateId, a.questionId, a.text, a.revision, a.wordCount, a.at).changes > 0;
  }

  /** The flag the dashboard's feed and the session report show: "réponse importée d'un fichier de secours". */
  recordImported(sessionId: number, candidateId: number, detail: Record<string, unknown>, at: number): void {
    this.st.event.run(sessionId, candidateId, JSON.stringify(detail), at);
  }
}
