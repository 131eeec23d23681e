// The content pack as grading sees it: its grading model (rubrics, questions, thresholds) and its
// documents indexed for finding passages copied word for word. Both are built once per pack.
import type { PackRegistry } from '../exam/pack-registry.js';
import type { Pack } from '../content/pack-types.js';
import { userError } from '../errors.js';
import { gradingModel, type GradingModel } from './rubric-model.js';
import { documentPieces } from './document-text.js';
import { findCopiedRuns, indexDocument, type DocumentIndex, type OverlapReport } from './overlap.js';

export class GradingPacks {
  private readonly models = new Map<string, GradingModel>();
  private readonly documents = new Map<string, DocumentIndex>();

  constructor(private readonly packs: PackRegistry) {}

  /** Whether the pack is loaded: a session of a missing pack is left out of the lists. */
  has(packId: string): boolean {
    return this.packs.get(packId) !== undefined;
  }

  model(packId: string): GradingModel {
    let model = this.models.get(packId);
    if (!model) {
      const pack = this.packs.get(packId);
      if (!pack) throw userError(409, 'pack-unavailable', `The content pack "${packId}" of this session is missing or invalid: run npm run content:check.`);
      model = gradingModel(pack);
      this.models.set(packId, model);
    }
    return model;
  }

  /** The overlap report of an answer against its section's document (nothing copied when there is none). */
  overlap(pack: Pack, questionId: string, text: string): OverlapReport {
    const sectionId = this.model(pack.id).questionById.get(questionId)?.sectionId;
    const index = sectionId ? this.documentIndex(pack, sectionId) : null;
    return index ? findCopiedRuns(text, index) : findCopiedRuns(text, indexDocument([]));
  }

  private documentIndex(pack: Pack, sectionId: string): DocumentIndex | null {
    const section = pack.sections.find((s) => s.id === sectionId);
    if (!section?.documentHtml) return null;
    const key = `${pack.id}\u0000${sectionId}`;
    let index = this.documents.get(key);
    if (!index) {
      index = indexDocument(documentPieces(section.documentHtml));
      this.documents.set(key, index);
    }
    return index;
  }
}
