// The screens of a candidate who is logged in past the notice: the waiting room, the exam (its
// answer fields, document pane, submit dialog, fallback file offer), the receipt, and what stacks
// on them (status bar, clock notices, proctor's messages, the locked overlay). <lectern-kiosk>
// imports this module with import() (exam-screens-loader.ts), so that the login screen's code is
// all a cold load waits for (issue 15, item 4); it is fetched right after the first screen shows,
// long before a session starts, and at once when a logged-in candidate reloads the page.
import './lectern-clock-notice.js';
import './lectern-exam.js';
import './lectern-fallback-offer.js';
import './lectern-fallback-proctor.js';
import './lectern-locked-overlay.js';
import './lectern-message-banner.js';
import './lectern-receipt.js';
import './lectern-status-bar.js';
import './lectern-submit-dialog.js';
import './lectern-waiting-room.js';
