// The events kiosk elements send up to lectern-kiosk: kebab-case, bubbling, composed, with their
// payloads declared once here.
import type { Receipt } from '../../server/contract/kiosk-protocol.js';

export interface KioskEventDetails {
  'login-succeeded': { csrfToken: string };
  'notice-acknowledged': { acknowledgedAt: number };
  'answer-input': { questionId: string; text: string };
  'submit-requested': Record<string, never>;
  'script-submitted': { receipt: Receipt };
  'submit-closed': Record<string, never>;
  'message-acknowledged': { messageId: number };
  'fullscreen-requested': Record<string, never>;
  'relogin-requested': Record<string, never>;
}

export type KioskEventName = keyof KioskEventDetails;

export function emit<K extends KioskEventName>(from: EventTarget, type: K, detail: KioskEventDetails[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'login-succeeded': CustomEvent<KioskEventDetails['login-succeeded']>;
    'notice-acknowledged': CustomEvent<KioskEventDetails['notice-acknowledged']>;
    'answer-input': CustomEvent<KioskEventDetails['answer-input']>;
    'submit-requested': CustomEvent<KioskEventDetails['submit-requested']>;
    'script-submitted': CustomEvent<KioskEventDetails['script-submitted']>;
    'submit-closed': CustomEvent<KioskEventDetails['submit-closed']>;
    'message-acknowledged': CustomEvent<KioskEventDetails['message-acknowledged']>;
    'fullscreen-requested': CustomEvent<KioskEventDetails['fullscreen-requested']>;
    'relogin-requested': CustomEvent<KioskEventDetails['relogin-requested']>;
  }
}
