// Loaded by the kiosk's page before its main script (client/pages/index.html), as a tiny classic
// async script: it asks the server who is logged in while the kiosk's code (about 60 KB gzipped) is still
// downloading and being compiled. Before, that question went out only once the whole kiosk had
// run, and the login screen waited for its answer after that (issue 15, item 4: the kiosk's start
// is the code's load *or* the server's answer, whichever is longer, no longer their sum). The
// kiosk's ApiClient takes the answer over (api.ts, takeEarlyRequest); it asks again itself if this
// script did not run. No import: this file is built on its own and must stay a few hundred bytes.
import { EARLY_REQUESTS_KEY, earlyRequestInit, type EarlyRequests } from '../common/early-request.js';

const early: EarlyRequests = { '/api/auth/me': fetch('/api/auth/me', earlyRequestInit()) };
// An early request nobody takes (the page failed to start) must not report an unhandled rejection.
for (const response of Object.values(early)) response.catch(() => undefined);
(globalThis as unknown as Record<string, EarlyRequests>)[EARLY_REQUESTS_KEY] = early;
