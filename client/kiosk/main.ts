// The kiosk page (served at /): one element does it all (lectern-kiosk.ts, through kiosk-app.ts).
//
// When the page's HTML drew the login already (login-prerender.ts), the kiosk's code waits for the
// browser to paint it: the deferred module would otherwise run as soon as the page is parsed, and
// on a slow PC its 300 to 500 ms (CPU slowed 4 times) came before the first paint, so the login
// drawn in the HTML was never seen before the kiosk's own. The code is fetched meanwhile (the page
// preloads it); what the candidate types in the meantime is kept (prerendered-login.ts). A hidden
// page paints no frame: it starts at once.
import { isPrerendered } from './prerendered-login.js';

function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const kiosk = document.querySelector('lectern-kiosk');
if (kiosk && isPrerendered(kiosk) && document.visibilityState === 'visible') await painted();
await import('./kiosk-app.js');
