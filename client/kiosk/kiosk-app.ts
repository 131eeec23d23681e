// The kiosk's code proper, imported by main.ts once the page's prerendered login has been painted.
import { followLanguage, t } from '../common/i18n.js';
import './lectern-kiosk.js';

followLanguage(() => t('login.title'));
