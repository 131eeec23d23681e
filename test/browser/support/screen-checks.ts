import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Checks every browser test can run on a screen it has reached: text that does not fit its box,
 * and axe-core's WCAG 2.1 AA rules. Both walk open shadow roots, where every Lit component of
 * Lectern draws itself.
 */

export interface Overflow {
  /** A CSS-like path through the shadow roots, for a person reading the failure. */
  path: string;
  text: string;
  axis: 'x' | 'y';
  content: number;
  box: number;
}

/**
 * Elements whose content is wider or taller than their box and not scrollable: clipped text
 * (overflow hidden) or text spilling over its neighbours (overflow visible). A scroll container
 * (overflow auto/scroll) is not a fault: its content can be reached. Screen-reader-only text
 * (a 1-pixel clipped box) and inline boxes (no box of their own) are skipped.
 */
export async function findOverflow(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { path: string; text: string; axis: 'x' | 'y'; content: number; box: number }[] = [];
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const scrollable = (v: string): boolean => v === 'auto' || v === 'scroll';
    const visit = (root: Document | ShadowRoot, prefix: string): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const path = `${prefix}${name(el)}`;
        if (el.shadowRoot) visit(el.shadowRoot, `${path} >> `);
        if (!(el instanceof HTMLElement) || el === document.body || el === document.documentElement) continue;
        const style = getComputedStyle(el);
        if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
        if (style.visibility === 'hidden' || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
        if (el.closest('[data-overflow-ok]')) continue;
        const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80);
        if (el.scrollWidth > el.clientWidth + 1 && !scrollable(style.overflowX)) {
          found.push({ path, text, axis: 'x', content: el.scrollWidth, box: el.clientWidth });
        } else if (el.scrollHeight > el.clientHeight + 1 && !scrollable(style.overflowY)) {
          found.push({ path, text, axis: 'y', content: el.scrollHeight, box: el.clientHeight });
        }
      }
    };
    visit(document, '');
    return found;
  });
}

/** A readable list for an assertion message: which element, which axis, by how much. */
export function describeOverflow(list: readonly Overflow[]): string {
  return list.map((o) => `${o.path} (${o.axis}: ${o.content} > ${o.box}) "${o.text}"`).join('\n');
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations of WCAG 2.1 A and AA on the page as it is now.
 * Legacy mode runs `axe.run` in the page itself: by default AxeBuilder runs `axe.runPartial` in
 * the page, then opens a blank page beside it, injects axe-core a second time there and finishes
 * the run in it, which took 1.6 times as long (a 2-core machine, 14 screens in one file: 38.0 s
 * against 23.9 s, the same rules passed, failed and incomplete on the same nodes each time).
 * Legacy mode leaves out cross-origin frames: a page with any frame gets the default run.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(page.frames().length === 1).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
}

export function describeAxe(list: readonly AxeFinding[]): string {
  return list.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.targets.join('\n  ')}`).join('\n');
}
