// The kiosk's texts about its copy of the answers (server/contract/i18n/*/kiosk-copy.ts), loaded
// into the page's catalogue as soon as the kiosk's element is imported, before it first renders.
import { loadCatalogueAreas } from '../common/i18n.js';
import { kioskCopyFr } from '../../server/contract/i18n/fr/kiosk-copy.js';
import { kioskCopyEn } from '../../server/contract/i18n/en/kiosk-copy.js';
import { kioskOfflineFr } from '../../server/contract/i18n/fr/kiosk-offline.js';
import { kioskOfflineEn } from '../../server/contract/i18n/en/kiosk-offline.js';

loadCatalogueAreas({ fr: kioskCopyFr, en: kioskCopyEn }, { fr: kioskOfflineFr, en: kioskOfflineEn });
