// Small packs written into temporary folders, to test what the loader reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIN_PACK_YAML = `title:
  fr: Titre
  en: Title
certification:
  fr: Certification
  en: Certification
durationMinutes: 30
rubrics:
  - id: reading
    kind: reading
    title: { fr: Lecture, en: Reading }
    cefr:
      - scale: "CEFR Companion Volume (2020): Overall reading comprehension"
        level: B2
    keyPointLevels:
      found: { fr: trouvé, en: found }
      partly: { fr: partiel, en: partly }
      missing: { fr: absent, en: missing }
    interpretationLevels:
      correct: { fr: correct, en: correct }
      partial: { fr: partiel, en: partial }
      misunderstanding: { fr: contresens, en: misunderstanding }
    threshold:
      minKeyPointShare: 0.6
      maxMisunderstandings: 1
  - id: writing
    kind: writing
    title: { fr: Écriture, en: Writing }
    cefr:
      - { scale: "CEFR Companion Volume (2020): Overall written production", level: B1 }
    criteria:
      - id: task
        title: { fr: Tâche, en: Task }
        bands:
          1: { fr: un, en: one }
          3: { fr: trois, en: three }
          5: { fr: cinq, en: five }
    threshold:
      minBandEach: 2
      minTotal: 3
  - id: skills
    kind: competence
    title: { fr: Compétences, en: Skills }
    criteria:
      - id: relevant
        title: { fr: Pertinent, en: Relevant }
        descriptors:
          met: { fr: atteint, en: met }
          partly: { fr: en partie, en: partly }
          notMet: { fr: non atteint, en: not met }
    threshold:
      partlyCountsAsMet: false
sections:
  - id: s1
    title: { fr: Partie 1, en: Part 1 }
    document: doc.md
    answerLanguage: en
    rubrics: [reading, writing]
    questions:
      - id: q1
        prompt: What does **the timer** do?
        targetWords: 50
        documentAnchor: the-timer
        keyPoints:
          - id: kp1
            text: It starts the service.
          - id: kp2
            text: At the time given.
      - id: q2
        prompt: Second question?
        targetWords: 40
        keyPoints:
          - id: kp1
            text: Something.
  - id: s2
    title: { fr: Partie 2, en: Part 2 }
    answerLanguage: fr
    rubrics: [skills]
    questions:
      - id: q3
        prompt: Quels indicateurs ?
        targetWords: 100
        keyPoints:
          - id: kp1
            text: La disponibilité.
`;

export const MIN_DOC_MD = `# Document

## The timer

The timer starts the service at the time given.

![Diagram of the units](img/diagram.svg)

## Other part

Some more text here.
`;

export const MIN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#eee"/></svg>\n`;

export function minimalFiles(): Record<string, string> {
  return { 'pack.yaml': MIN_PACK_YAML, 'doc.md': MIN_DOC_MD, 'img/diagram.svg': MIN_SVG };
}

/** A fresh temporary content folder. */
export function tempContentDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-content-'));
}

/** Writes a pack folder `<contentDir>/<id>/` with the given files; returns its path. */
export function writePack(contentDir: string, id: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(contentDir, id);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Replaces `from` (which must occur exactly once) by `to`: a fixture change can't go unnoticed. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`fixture contains ${JSON.stringify(from)} more than once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** 1-based line of the only line containing `needle`, or of its `nth` occurrence (1-based). */
export function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`no line ${nth} containing ${JSON.stringify(needle)}`);
}
