// Agreement between the first and second readings of a session, per criterion, over the scripts
// whose two readings are both finished. Unanswered questions are left out: nobody judged them.
import type { Localized } from '../content/pack-types.js';
import { competenceJudgements, interpretationJudgements, keyPointJudgements } from '../db/schema/grading.js';
import { agreement } from './agreement.js';
import { decide } from './decisions.js';
import type { LoadedSession } from './loaded-session.js';
import { MAX_BAND, MIN_BAND } from './rubric-model.js';
import type { AgreementRow } from '../contract/grading.js';

/** Scales worst first, as agreement() wants them. */
const keyPointScale = [...keyPointJudgements].reverse(); // missing, partly, found
const interpretationScale = [...interpretationJudgements].reverse(); // misunderstanding, partial, correct
const competenceScale = [...competenceJudgements].reverse(); // notMet, partly, met
const bandScale = Array.from({ length: MAX_BAND - MIN_BAND + 1 }, (_, i) => MIN_BAND + i);
const decisionScale = [false, true];

const suffix = (title: Localized, fr: string, en: string): Localized => ({ fr: `${title.fr} — ${fr}`, en: `${title.en} — ${en}` });

/** The two finished readings' levels, paired per script and item, by row key. */
function pairsOf(loaded: LoadedSession): Map<string, [unknown, unknown][]> {
  const { model } = loaded;
  const pairs = new Map<string, [unknown, unknown][]>();
  const add = (key: string, a: unknown, b: unknown) => {
    const list = pairs.get(key);
    if (list) list.push([a, b]);
    else pairs.set(key, [[a, b]]);
  };
  for (const script of loaded.scripts) {
    const first = script.readings.find((r) => r.reading === 1);
    const second = script.readings.find((r) => r.reading === 2);
    if (!first?.finishedAt || !second?.finishedAt) continue;
    for (const g of model.questions) {
      if (!script.answered.has(g.question.id)) continue;
      const a = first.answers.get(g.question.id);
      const b = second.answers.get(g.question.id);
      for (const kp of g.question.keyPoints) add(`${g.reading?.id ?? 'key-points'}/key-points`, a?.keyPoints[kp.id] ?? 'missing', b?.keyPoints[kp.id] ?? 'missing');
      if (g.reading && a?.interpretation && b?.interpretation) add(`${g.reading.id}/interpretation`, a.interpretation, b.interpretation);
    }
    for (const r of model.writing) {
      for (const c of r.criteria) add(`${r.id}/${c.id}`, first.script?.writing[r.id]?.[c.id] ?? 0, second.script?.writing[r.id]?.[c.id] ?? 0);
    }
    for (const r of model.competence) {
      for (const c of r.criteria) add(`${r.id}/${c.id}`, first.script?.competence[r.id]?.[c.id] ?? 'notMet', second.script?.competence[r.id]?.[c.id] ?? 'notMet');
    }
    const da = decide(model, { answers: first.answers, script: first.script, answered: script.answered });
    const db = decide(model, { answers: second.answers, script: second.script, answered: script.answered });
    for (const d of da) add(`decision:${d.key}`, d.reached, db.find((x) => x.key === d.key)?.reached ?? false);
  }
  return pairs;
}

export function agreementRows(loaded: LoadedSession): AgreementRow[] {
  const { model } = loaded;
  const pairs = pairsOf(loaded);
  const rows: AgreementRow[] = [];
  const row = (key: string, title: Localized, levels: readonly unknown[]) =>
    rows.push({ key, title, levels: levels.length, figures: agreement(levels, pairs.get(key) ?? []) });
  for (const r of model.reading) {
    row(`${r.id}/key-points`, suffix(r.title, 'points clés', 'key points'), keyPointScale);
    row(`${r.id}/interpretation`, suffix(r.title, 'interprétation', 'interpretation'), interpretationScale);
  }
  if (model.questions.some((g) => !g.reading && g.question.keyPoints.length > 0)) {
    row('key-points/key-points', { fr: 'Points clés (sections sans critère de lecture)', en: 'Key points (sections without a reading criterion)' }, keyPointScale);
  }
  for (const r of model.writing) for (const c of r.criteria) row(`${r.id}/${c.id}`, suffix(r.title, c.title.fr, c.title.en), bandScale);
  for (const r of model.competence) for (const c of r.criteria) row(`${r.id}/${c.id}`, suffix(r.title, c.title.fr, c.title.en), competenceScale);
  for (const r of model.reading) row(`decision:${r.id}`, suffix(r.title, 'décision', 'decision'), decisionScale);
  for (const r of model.writing) row(`decision:${r.id}`, suffix(r.title, 'décision', 'decision'), decisionScale);
  for (const r of model.competence) for (const c of r.criteria) row(`decision:${r.id}/${c.id}`, suffix(c.title, 'décision', 'decision'), decisionScale);
  return rows;
}
