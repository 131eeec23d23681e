// The corrector's workspace: their scripts under candidate codes only, each answer with what it
// copied from the document, their own marks, and the pack's questions, passages and rubrics.
import { formatCode } from '../contract/rules/code-format.js';
import { passageAt } from './document-text.js';
import type { LoadedReading, LoadedScript, LoadedSession, SessionLoader } from './loaded-session.js';
import type { GradingAccess } from './grading-access.js';
import type { Distribution } from './distribution.js';
import type { GradingPacks } from './grading-packs.js';
import { othersVisible } from './script-state.js';
import type { AnswerView, ScriptView, WorkspaceView } from '../contract/grading.js';

export class CorrectorWorkspace {
  constructor(
    private readonly access: GradingAccess,
    private readonly distribution: Distribution,
    private readonly loader: SessionLoader,
    private readonly packs: GradingPacks,
  ) {}

  workspace(sessionId: number, accountId: number, displayName: string): WorkspaceView {
    const session = this.access.requireCorrectorOf(sessionId, accountId);
    this.distribution.ensureDistributed(session);
    const loaded = this.loader.load(sessionId);
    const scripts = loaded.scripts.flatMap((script) => {
      const reading = script.readings.find((r) => r.correctorId === accountId);
      return reading ? [this.scriptView(loaded, script, reading)] : [];
    });
    const notDistributed = scripts.length === 0 && loaded.scripts.every((s) => s.readings.length === 0);
    return {
      session: { id: session.id, title: session.title, packId: session.packId, state: session.state, doubleMarking: loaded.session.doubleMarking, gradingClosedAt: session.gradingClosedAt },
      corrector: { accountId, displayName },
      pack: this.packView(loaded),
      scripts,
      notice: session.state !== 'ended' ? 'session-not-ended' : notDistributed ? 'not-distributed' : null,
    };
  }

  private scriptView({ pack, model }: LoadedSession, script: LoadedScript, reading: LoadedReading): ScriptView {
    const answers: AnswerView[] = model.questions.map((g) => {
      const a = script.answers.get(g.question.id);
      const text = a?.text ?? '';
      return { questionId: g.question.id, text, words: a?.words ?? 0, overlap: this.packs.overlap(pack, g.question.id, text) };
    });
    return {
      candidateId: script.candidate.id,
      code: formatCode(script.candidate.code),
      reading: reading.reading,
      finishedAt: reading.finishedAt,
      othersVisible: othersVisible(script, reading),
      answers,
      marks: { answers: Object.fromEntries(reading.answers), script: reading.script },
    };
  }

  private packView({ pack, model }: LoadedSession): WorkspaceView['pack'] {
    return {
      title: pack.title,
      certification: pack.certification,
      sections: pack.sections.map((s) => ({
        id: s.id,
        title: s.title,
        answerLanguage: s.answerLanguage,
        readingRubricId: model.questions.find((g) => g.sectionId === s.id)?.reading?.id ?? null,
        competenceRubricId: s.rubricIds.find((id) => pack.rubrics[id]?.kind === 'competence') ?? null,
        questions: s.questions.map((q) => ({
          id: q.id,
          promptHtml: q.promptHtml,
          keyPoints: q.keyPoints,
          ...(q.acceptedVariants ? { acceptedVariants: q.acceptedVariants } : {}),
          ...(q.likelyMisreadings ? { likelyMisreadings: q.likelyMisreadings } : {}),
          targetWords: q.targetWords,
          passage: q.documentAnchor && s.documentHtml ? passageAt(s.documentHtml, q.documentAnchor) : null,
        })),
      })),
      rubrics: { reading: model.reading, writing: model.writing, competence: model.competence },
    };
  }
}
