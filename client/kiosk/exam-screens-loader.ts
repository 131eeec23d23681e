// Loads the exam's screens (exam-screens.ts) once, in the background (issue 15, item 4): the login
// screen does not wait for their code, and the kiosk shows its "loading" status in their place
// until they are defined. A failed load (the server restarting at that moment) is tried again
// after a pause; once the kiosk's service worker holds the chunks, they come from its cache.
import { whenIdle } from '../common/when-idle.js';

export interface ExamScreensLoaderOptions {
  /** Called once the screens' elements are defined: the kiosk renders again. */
  ready: () => void;
  /** The module's import (a test passes its own). */
  load?: () => Promise<unknown>;
  retryMs?: number;
  warn?: (message: string) => void;
}

export class ExamScreensLoader {
  private state: 'absent' | 'loading' | 'ready' = 'absent';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: Required<ExamScreensLoaderOptions>;

  constructor(options: ExamScreensLoaderOptions) {
    this.options = { load: () => import('./exam-screens.js'), retryMs: 3000, warn: (message) => console.warn(message), ...options };
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Starts the load now (a logged-in candidate's reload); does nothing if it started already. */
  start(): void {
    if (this.state !== 'absent') return;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.state = 'loading';
    this.options.load().then(
      () => {
        this.state = 'ready';
        this.options.ready();
      },
      (error: unknown) => {
        this.state = 'absent';
        this.options.warn(`Lectern: the exam's screens did not load, trying again (${String(error)})`);
        this.retryTimer = setTimeout(() => this.start(), this.options.retryMs);
      },
    );
  }

  /** Starts the load once the browser is idle (after the first screen is drawn), within a second anyway. */
  startWhenIdle(): void {
    if (this.state !== 'absent') return;
    whenIdle(() => this.start(), 1000);
  }

  stop(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
