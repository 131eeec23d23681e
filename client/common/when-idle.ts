// Work that can wait for a quiet moment of the page (after the first screen is drawn, between
// keys): the browser's idle callback, within `timeoutMs` anyway; where there is none (tests under
// Node, an older browser), after the current task.

export function whenIdle(work: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
}
