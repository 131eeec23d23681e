// The kiosk page (served at /): one element does it all.
import { followLanguage, t } from '../common/i18n.js';
import './lectern-kiosk.js';

followLanguage(() => t('login.title'));
