// The kiosk page (served at /): one element does it all.
import { getLanguage } from '../common/i18n.js';
import './lectern-kiosk.js';

document.documentElement.lang = getLanguage();
