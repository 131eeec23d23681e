// The kiosk's texts about refused late saves, announced time, the messages' stack and the
// document's scroll areas (server/contract/i18n/*/kiosk-screens.ts), loaded before the first render.
import { loadCatalogueAreas } from '../common/i18n.js';
import { kioskScreensFr } from '../../server/contract/i18n/fr/kiosk-screens.js';
import { kioskScreensEn } from '../../server/contract/i18n/en/kiosk-screens.js';

loadCatalogueAreas({ fr: kioskScreensFr, en: kioskScreensEn });
