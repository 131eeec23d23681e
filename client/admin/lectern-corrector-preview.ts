import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Rubric } from '../../server/contract/pack.js';
import type { PreviewedPack, PreviewSection } from '../../server/contract/preview.js';
import { I18nController, localized, t } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';

/** The pack as the corrector sees it: each question with its key points, each section's rubrics. */
@customElement('lectern-corrector-preview')
export class LecternCorrectorPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      section.part { border-top: 2px solid var(--lectern-accent, #1f3a5f); padding-top: 0.5rem; margin-top: 1.5rem; }
      .meta { color: var(--lectern-muted, #4a5563); }
      article.question { border: 1px solid var(--lectern-border, #c9ced6); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0.75rem 0; background: var(--lectern-surface, #fff); }
      .keypoints { background: var(--lectern-bg, #f4f5f7); border-left: 4px solid var(--lectern-accent, #1f3a5f); padding: 0.5rem 1rem; }
      .keypoints li { margin: 0.25rem 0; }
      .keypoints li p { display: inline; margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
      th, td { border: 1px solid var(--lectern-border, #c9ced6); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: var(--lectern-bg, #f4f5f7); }
      .rubric { margin: 0.75rem 0 1rem; }
    `,
  ];

  @property({ attribute: false }) pack!: PreviewedPack;
  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    let number = 0;
    return html`${this.pack.sections.map((section) => html`<section class="part" data-section=${section.id}>
      <h3>${localized(section.title)}</h3>
      <p class="meta">${t(section.answerLanguage === 'en' ? 'preview.answerIn.en' : 'preview.answerIn.fr')} ·
        ${section.document ? t('preview.documentWords', { n: section.documentWords }) : t('preview.noDocument')}</p>
      ${section.questions.map((q) => html`<article class="question" data-question=${q.id}>
        <h4>${t('preview.question', { n: ++number })} <code>${q.id}</code></h4>
        <div>${unsafeHTML(q.promptHtml)}</div>
        <p class="meta">${t('preview.targetWords', { n: q.targetWords })}${q.documentAnchor ? html` · ${t('preview.anchor', { anchor: q.documentAnchor })}` : nothing}</p>
        <div class="keypoints">
          <strong>${t('preview.keyPoints')}</strong>
          <ul>${q.keyPoints.map((kp) => html`<li><code>${kp.id}</code> ${unsafeHTML(kp.html)}</li>`)}</ul>
        </div>
      </article>`)}
      <h4>${t('preview.rubrics')}</h4>
      ${this.sectionRubrics(section).map((r) => this.renderRubric(r))}
    </section>`)}`;
  }

  private sectionRubrics(section: PreviewSection): Rubric[] {
    return section.rubricIds.flatMap((id) => this.pack.rubrics.filter((r) => r.id === id));
  }

  private renderRubric(rubric: Rubric) {
    const head = html`<h5>${localized(rubric.title)} <small class="meta">(${t(`preview.rubric.${rubric.kind}`)})</small></h5>`;
    if (rubric.kind === 'reading') {
      const k = rubric.keyPointLevels;
      const i = rubric.interpretationLevels;
      return html`<div class="rubric" data-rubric=${rubric.id}>${head}
        <table><tbody>
          <tr><th>${t('preview.level.found')}</th><td>${localized(k.found)}</td></tr>
          <tr><th>${t('preview.level.partly')}</th><td>${localized(k.partly)}</td></tr>
          <tr><th>${t('preview.level.missing')}</th><td>${localized(k.missing)}</td></tr>
          <tr><th>${t('preview.level.correct')}</th><td>${localized(i.correct)}</td></tr>
          <tr><th>${t('preview.level.partial')}</th><td>${localized(i.partial)}</td></tr>
          <tr><th>${t('preview.level.misunderstanding')}</th><td>${localized(i.misunderstanding)}</td></tr>
        </tbody></table>
        <p>${t('preview.threshold.reading', { share: Math.round(rubric.threshold.minKeyPointShare * 100), max: rubric.threshold.maxMisunderstandings })}</p>
      </div>`;
    }
    if (rubric.kind === 'writing') {
      return html`<div class="rubric" data-rubric=${rubric.id}>${head}
        <table>
          <thead><tr><th></th>${[5, 3, 1].map((n) => html`<th>${t('preview.band', { n })}</th>`)}</tr></thead>
          <tbody>${rubric.criteria.map((c) => html`<tr><th>${localized(c.title)}</th><td>${localized(c.bands[5])}</td><td>${localized(c.bands[3])}</td><td>${localized(c.bands[1])}</td></tr>`)}</tbody>
        </table>
        <p>${t('preview.threshold.writing', { each: rubric.threshold.minBandEach, total: rubric.threshold.minTotal })}</p>
      </div>`;
    }
    return html`<div class="rubric" data-rubric=${rubric.id}>${head}
      <table>
        <thead><tr><th></th><th>${t('preview.level.met')}</th><th>${t('preview.level.partly')}</th><th>${t('preview.level.notMet')}</th></tr></thead>
        <tbody>${rubric.criteria.map((c) => html`<tr><th>${localized(c.title)}</th><td>${localized(c.descriptors.met)}</td><td>${localized(c.descriptors.partly)}</td><td>${localized(c.descriptors.notMet)}</td></tr>`)}</tbody>
      </table>
      <p>${t(rubric.threshold.partlyCountsAsMet ? 'preview.threshold.competence.lenient' : 'preview.threshold.competence.strict')}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-corrector-preview': LecternCorrectorPreview;
  }
}
