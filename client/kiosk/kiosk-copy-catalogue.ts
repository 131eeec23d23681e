// The kiosk's texts about its copy of the answers (server/contract/i18n/*/kiosk-copy.ts), loaded
// into the page's catalogue as soon as the kiosk's element is imported, before it first renders.
import { loadCatalogueAreas } from '../common/i18n.js';
import { kioskCopyFr } from '../../server/contract/i18n/fr/kiosk-copy.js';
import { kioskCopyEn } from '../../server/contract/i18n/en/kiosk-copy.js';

loadCatalogueAreas({ fr: kioskCopyFr, en: kioskCopyEn });
