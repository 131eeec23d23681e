// Why the server refused a save, in the candidate's language (the server's own message is English).
import type { SaveRefusalReason } from '../../server/contract/kiosk-protocol.js';
import { t, type StringKey } from '../common/i18n.js';

export function refusalText(reason: SaveRefusalReason): string {
  return t(`refusal.${reason}` satisfies StringKey);
}
