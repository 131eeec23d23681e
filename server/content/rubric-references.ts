// Checks the links between sections and rubrics, once both are read: every rubric a section
// cites is declared, a section has at most one rubric of each kind (its marks would otherwise
// be counted twice), a reading rubric has a document to read, no rubric is left unused, and a key
// point's `criterion` names a criterion of its section's competence rubric.

import type { DeclaredRubric } from './read-rubrics.js';
import type { SectionDraft } from './read-sections.js';
import type { Reader } from './yaml-reader.js';

/**
 * @param allSectionsRead whether every section could be read; an unused rubric is reported only
 *   then, since a section with problems may be the one that cites it.
 */
export function checkRubricReferences(r: Reader, drafts: readonly SectionDraft[], declared: Map<string, DeclaredRubric>, allSectionsRead: boolean): void {
  for (const draft of drafts) checkSectionRubrics(r, draft, declared);
  for (const [rubricId, d] of declared) {
    if (!d.used && allSectionsRead) {
      r.report(d.line, `rubric \`${rubricId}\` is declared but no section uses it; list it in a section's \`rubrics\` or remove it`);
    }
  }
}

function checkSectionRubrics(r: Reader, draft: SectionDraft, declared: Map<string, DeclaredRubric>): void {
  const where = `section ${draft.section.id}`;
  const rubricOfKind = new Map<string, string>();
  for (const ref of draft.rubricRefs) {
    const d = declared.get(ref.id);
    if (!d) {
      const known = [...declared.keys()];
      r.report(ref.line, `${where}: rubric \`${ref.id}\` is not declared under \`rubrics:\`${known.length ? `; the declared rubrics are ${known.map((k) => `\`${k}\``).join(', ')}` : ''}`);
      continue;
    }
    d.used = true;
    if (!d.kind) continue;
    const other = rubricOfKind.get(d.kind);
    if (other) r.report(ref.line, `${where}: rubrics \`${other}\` and \`${ref.id}\` are both ${d.kind} rubrics; a section is graded by at most one rubric of each kind`);
    else rubricOfKind.set(d.kind, ref.id);
    if (d.kind === 'reading' && draft.section.documentFile === undefined) {
      r.report(ref.line, `${where}: rubric \`${ref.id}\` is a reading rubric but the section has no \`document\` to read`);
    }
  }
  checkCriterionLinks(r, draft, declared, rubricOfKind.get('competence'));
}

/** Each key point's `criterion` is a criterion of the section's competence rubric. */
function checkCriterionLinks(r: Reader, draft: SectionDraft, declared: Map<string, DeclaredRubric>, competenceId: string | undefined): void {
  const rubric = competenceId ? declared.get(competenceId)?.rubric : undefined;
  for (const ref of draft.criterionRefs) {
    const at = `question ${ref.questionId}, key point ${ref.keyPointId}`;
    if (!competenceId) {
      r.report(ref.line, `${at}: \`criterion\` links a key point to a criterion of a competence rubric, but section ${draft.section.id} is not graded by one; remove \`criterion\` or add the competence rubric to the section's \`rubrics\``);
      continue;
    }
    if (rubric?.kind !== 'competence') continue; // the rubric has its own problems, already reported
    const ids = rubric.criteria.map((c) => c.id);
    if (!ids.includes(ref.criterion)) {
      r.report(ref.line, `${at}: \`criterion\` "${ref.criterion}" is not a criterion of the rubric \`${competenceId}\`; its criteria are ${ids.map((i) => `\`${i}\``).join(', ')}`);
    }
  }
}
