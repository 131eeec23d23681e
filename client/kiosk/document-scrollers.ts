// The document's wide parts (code blocks, tables) scroll sideways inside their own box. A box that
// scrolls must be reachable and named for a person without a mouse: focusable (tabindex=0, then
// the arrow keys scroll it) and announced as a named region (WCAG 2.1.1; axe-core's
// scrollable-region-focusable).

/**
 * Makes each code block and table of `article` a focusable, named scroll area. A table keeps its
 * table semantics: it is wrapped in a named region rather than given a role itself. Safe to call
 * again (after a language switch): only the names change.
 */
export function makeScrollAreasReachable(article: Element, names: { codeBlock: string; table: string }): void {
  for (const pre of Array.from(article.querySelectorAll('pre'))) {
    pre.setAttribute('tabindex', '0');
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', names.codeBlock);
  }
  for (const table of Array.from(article.querySelectorAll('table'))) {
    let wrapper = table.parentElement;
    if (!wrapper?.classList.contains('table-scroll')) {
      wrapper = article.ownerDocument.createElement('div');
      wrapper.className = 'table-scroll';
      table.replaceWith(wrapper);
      wrapper.append(table);
    }
    wrapper.setAttribute('tabindex', '0');
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('aria-label', names.table);
  }
}
