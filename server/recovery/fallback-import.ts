// Importing fallback files on a restored or replacement server (issue 10, item 4). One
// transaction per file: a file is imported whole or refused whole. The revision rule applies
// (rules/revision.ts): an answer newer than the server's is written and flagged for the proctor's
// feed and the session report; one at a revision the server already holds or passed is reported
// "already held". Imports and refusals both go to the audit log.
import type { AuditLog } from '../audit/audit-log.js';
import type { LecternDb } from '../db/open-database.js';
import { transaction } from '../db/connection.js';
import type { FallbackContent, FallbackFileOutcome } from '../contract/fallback-file.js';
import { countWords, judgeRevision } from '../contract/rules/revision.js';
import { normalizeCode } from '../contract/rules/code-format.js';
import { actorFields, type Actor } from '../exam/actor.js';
import type { AttemptRow, FallbackRepo } from './fallback.repo.js';
import { readFallbackFile } from './fallback-read.js';

export interface FallbackFile {
  name: string;
  content: string;
}

interface Applied {
  imported: string[];
  alreadyHeld: string[];
}

export class FallbackImport {
  private readonly apply;
  private readonly refuse;

  constructor(db: LecternDb, private readonly repo: FallbackRepo, audit: AuditLog) {
    this.apply = transaction(db, (file: string, attempt: AttemptRow, content: FallbackContent, actor: Actor, now: number): Applied => {
      const held = new Map(repo.serverAnswers(attempt.candidateId).map((a) => [a.questionId, a.revision]));
      const result: Applied = { imported: [], alreadyHeld: [] };
      for (const answer of content.answers) {
        const stored = held.get(answer.questionId);
        // Only "newer" counts: at the same revision the server's text stands (it was acknowledged).
        const newer = judgeRevision(stored === undefined ? undefined : { revision: stored, text: '' }, answer) === 'apply';
        if (newer && repo.writeAnswer({ candidateId: attempt.candidateId, questionId: answer.questionId, text: answer.text, revision: answer.revision, wordCount: countWords(answer.text), at: now })) {
          result.imported.push(answer.questionId);
          held.set(answer.questionId, answer.revision);
          repo.recordImported(attempt.sessionId, attempt.candidateId, { question: answer.questionId, revision: answer.revision, length: answer.text.length, file }, now);
        } else {
          result.alreadyHeld.push(answer.questionId);
        }
      }
      audit.append({ ...actorFields(actor), sessionId: attempt.sessionId, action: 'fallback.imported', detail: { file, candidateId: attempt.candidateId, candidateCode: attempt.candidateCode, ...result } }, now);
      return result;
    });
    this.refuse = transaction(db, (file: string, refusal: string, sessionId: number | null, actor: Actor, now: number) => {
      audit.append({ ...actorFields(actor), sessionId, action: 'fallback.refused', detail: { file, refusal } }, now);
    });
  }

  /** Each file on its own: a refused file changes no answer and does not stop the others. */
  async importFiles(files: readonly FallbackFile[], actor: Actor, expectedSession: string | null = null, now = Date.now()): Promise<FallbackFileOutcome[]> {
    const outcomes: FallbackFileOutcome[] = [];
    const session = expectedSession === null ? null : normalizeCode(expectedSession);
    for (const file of files) outcomes.push(await this.importOne(file, actor, session, now));
    return outcomes;
  }

  private async importOne(file: FallbackFile, actor: Actor, expectedSession: string | null, now: number): Promise<FallbackFileOutcome> {
    const reading = await readFallbackFile(this.repo, file.content, expectedSession);
    const sessionCode = reading.envelope?.sessionId ?? null;
    const candidateCode = reading.envelope?.candidate ?? null;
    if (!reading.ok) {
      const sessionId = sessionCode === null ? null : this.repo.sessionIdByCode(sessionCode);
      this.refuse(file.name, reading.refusal, sessionId, actor, now);
      return { file: file.name, outcome: 'refused', refusal: reading.refusal, otherCandidate: reading.otherCandidate ?? null, sessionCode, candidateCode, imported: [], alreadyHeld: [] };
    }
    const applied = this.apply(file.name, reading.attempt, reading.content, actor, now);
    return { file: file.name, outcome: 'imported', refusal: null, otherCandidate: null, sessionCode, candidateCode: reading.attempt.candidateCode, ...applied };
  }
}
