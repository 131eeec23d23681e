// Loaded by the kiosk's page before its main script (client/pages/index.html), as a tiny classic
// async script, in the page sent to a browser holding a session only (the page with the login
// drawn in goes to a browser without one, whose answer is known: client/kiosk-prerender.mjs). It
// asks the server who is logged in while the kiosk's code is still downloading and being
// compiled. Before, that question went out only once the whole kiosk had run, and the login screen
// waited for its answer after that (issue 15, item 4: the kiosk's start is the code's load *or*
// the server's answer, whichever is longer, no longer their sum). The kiosk's ApiClient takes the
// answer over (api.ts, takeEarlyRequest); it asks again itself if this script did not run. A
// candidate already logged in (a reload during the exam) gets the exam's chunks preloaded as soon
// as the answer says so, while the kiosk's first chunk still starts (the exam's screens are
// imported only after the first screen otherwise: exam-screens-loader.ts).
// No import but a few lines: this file is built on its own and must stay a few hundred bytes.
import { EARLY_REQUESTS_KEY, earlyRequestInit, type EarlyRequests } from '../common/early-request.js';

/** The exam's chunks of this build (client/build.mjs defines it; absent, nothing is preloaded). */
declare const __LECTERN_EXAM_CHUNKS__: string[] | undefined;

const me = fetch('/api/auth/me', earlyRequestInit());
const early: EarlyRequests = { '/api/auth/me': me };
// An early request nobody takes (the page failed to start) must not report an unhandled rejection.
for (const response of Object.values(early)) response.catch(() => undefined);
(globalThis as unknown as Record<string, EarlyRequests>)[EARLY_REQUESTS_KEY] = early;

const examChunks = typeof __LECTERN_EXAM_CHUNKS__ === 'undefined' ? [] : __LECTERN_EXAM_CHUNKS__;
if (examChunks.length > 0) {
  me.then((response) => (response.ok ? (response.clone().json() as Promise<{ kind?: string }>) : null))
    .then((view) => {
      if (view?.kind !== 'candidate') return;
      for (const name of examChunks) {
        const link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = `/assets/${name}`;
        document.head.append(link);
      }
    })
    .catch(() => undefined);
}
