import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { I18nController } from '../common/i18n.js';
import { baseStyles } from '../common/styles.js';
import type { CandidateTile, DashboardQuestion, FeedItem } from './types.js';
import { alertKinds, feedDetail, feedTitle } from './describe.js';
import { timeText, type CandidateSelectedDetail } from './ui.js';
import { t } from '../common/staff-i18n.js';

/**
 * How many lines the feed draws at first, and how many more each "older events" press adds. A new
 * line at the top moves every line under it, so the browser lays out and paints them all again for
 * each event. With 300 typing candidates and 10 events a second, a dashboard slowed 4 times spent
 * 3.4-4.3 s of every 5 s busy drawing 120 lines, 2.9-3.4 s drawing 40. 20 lines are two heights of
 * the column; the store keeps the last 500 (dashboard-store.ts), the report and CSV keep them all.
 */
const FEED_PAGE = 20;

/** The live feed of the room: kiosk events, server observations and proctors' actions, newest first. */
@customElement('lectern-event-feed')
export class LecternEventFeed extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        font-size: 0.85rem;
      }
      /*
       * No content-visibility on the lines: each new line at the top pushes one past the bottom of
       * the view, and that change of visibility cost the browser a second frame for every event.
       * Each line is its own compositing layer instead: a new line at the top moves the others,
       * which the compositor does without painting them again (10-20 % less of the renderer's
       * time at CPU /4, docs/performance.md). Opaque, so that the text keeps its anti-aliasing.
       */
      li {
        will-change: transform;
        background: var(--lectern-surface, #fff);
        display: grid;
        grid-template-columns: 4.5rem 1fr;
        gap: 0 0.5rem;
        padding: 0.25rem 0.25rem;
        border-bottom: 1px solid var(--lectern-border, #e1e4ea);
      }
      li.alert {
        background: #fff6f6;
      }
      li.proctor {
        background: #f1f5fb;
      }
      time {
        font-variant-numeric: tabular-nums;
        color: var(--lectern-muted, #4a5160);
      }
      .who {
        /* A long workstation name wraps: it reads from the line's start, not centred as a button's text. */
        text-align: start;
        font-weight: 700;
        background: none;
        border: 0;
        padding: 0;
        min-height: 0;
        color: var(--lectern-accent, #1f3a5f);
        text-decoration: underline;
        font-size: inherit;
      }
      .kind {
        font-weight: 600;
      }
      .alert .kind {
        color: var(--lectern-danger, #a4161a);
      }
      .detail,
      .by {
        color: var(--lectern-muted, #4a5160);
      }
      .empty {
        color: var(--lectern-muted, #4a5160);
      }
      .older {
        margin-top: 0.5rem;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) items: FeedItem[] = [];
  @property({ attribute: false }) tiles: Map<number, CandidateTile> = new Map();
  @property({ attribute: false }) questions: DashboardQuestion[] = [];

  /** Lines drawn: FEED_PAGE, and FEED_PAGE more for each press of "older events". */
  @state() private drawn = FEED_PAGE;

  private readonly i18n = new I18nController(this);

  override render() {
    void this.i18n;
    const shown = this.items.slice(-this.drawn).reverse();
    if (shown.length === 0) return html`<p class="empty">${t('proctor.feed.empty')}</p>`;
    const older = this.items.length - shown.length;
    return html`<ol aria-live="polite" aria-relevant="additions" data-role="feed">
      ${repeat(
        shown,
        (item) => item.id,
        (item) => {
          const tile = item.candidateId === null ? undefined : this.tiles.get(item.candidateId);
          // A line already drawn is drawn again only if its candidate's name or the language changed.
          return guard([item, tile?.workstation, tile?.code, this.i18n.language], () => this.line(item, tile));
        },
      )}
    </ol>
    ${older > 0
      ? html`<button type="button" class="older" data-role="feed-older" @click=${this.showOlder}>${t('proctor.feed.older', { n: Math.min(FEED_PAGE, older) })}</button>`
      : nothing}`;
  }

  private showOlder() {
    this.drawn += FEED_PAGE;
  }

  private line(item: FeedItem, tile: CandidateTile | undefined) {
    const detail = feedDetail(item, this.questions);
    return html`<li class="${item.source === 'proctor' ? 'proctor' : alertKinds.has(item.kind) ? 'alert' : ''}" data-kind=${item.kind}>
            <time datetime=${new Date(item.at).toISOString()}>${timeText(item.at)}</time>
            <span>
              ${tile ? html`<button type="button" class="who" @click=${() => this.select(tile.candidateId)}>${tile.workstation ?? tile.code}</button> ` : nothing}
              <span class="kind">${feedTitle(item)}</span>${detail ? html` <span class="detail">— ${detail}</span>` : nothing}${item.by ? html` <span class="by">(${item.by})</span>` : nothing}
            </span>
          </li>`;
  }

  private select(candidateId: number) {
    this.dispatchEvent(new CustomEvent<CandidateSelectedDetail>('candidate-selected', { detail: { candidateId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-event-feed': LecternEventFeed;
  }
}
