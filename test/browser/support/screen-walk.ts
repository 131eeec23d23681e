import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../../helpers/browser.js';
import { describeAxe, describeOverflow, findOverflow, seriousAxeViolations } from './screen-checks.js';

/** The sizes every screen must hold at: a small laptop, a full HD screen, and 1366x768 at 200 % zoom (half the CSS pixels). */
export const screenSizes = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
  { name: 'zoom200', width: 683, height: 384 },
] as const;

/**
 * One screen in one state: no text outside its box at each size, no serious or critical axe
 * violation (at the first size: the rules do not depend on the size), a screenshot at each size
 * to look at. Leaves the page at the first size. Soft assertions: one run lists every fault of every screen.
 */
export async function checkScreen(page: Page, name: string, options: { axe?: boolean } = {}): Promise<void> {
  for (const size of screenSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Two frames: the layout of the new size is done before it is measured.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const overflow = await findOverflow(page);
    expect.soft(overflow, `${name} at ${size.name}:\n${describeOverflow(overflow)}`).toEqual([]);
    if (size.name !== '1920') await page.screenshot({ path: screenshotPath(`screens-${name}-${size.name}`) });
  }
  await page.setViewportSize({ width: screenSizes[0].width, height: screenSizes[0].height });
  if (options.axe === false) return;
  const violations = await seriousAxeViolations(page);
  expect.soft(violations, `${name}:\n${describeAxe(violations)}`).toEqual([]);
}

/** The focused element, through the shadow roots, as "tag#id.class" plus its accessible text. */
export async function focused(page: Page): Promise<{ tag: string; id: string; label: string; text: string; area: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: '', id: '', label: '', text: '', area: '' };
    const labels = (el as HTMLInputElement).labels;
    const label = el.getAttribute('aria-label') ?? (labels && labels[0] ? (labels[0].textContent ?? '') : '');
    return { tag: el.tagName.toLowerCase(), id: el.id, label: label.trim(), text: (el.textContent ?? '').trim().slice(0, 80), area: el.getAttribute('data-area') ?? '' };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (matches(now)) return;
    seen.push(`${now.tag}#${now.id} "${now.label || now.text}"`);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus went through:\n${seen.join('\n')}`);
}
