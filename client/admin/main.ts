// The admin page's bundle: registers the elements; admin.html places <lectern-admin>.
import { followLanguage } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import './lectern-admin.js';

followLanguage(() => t('admin.title'));
