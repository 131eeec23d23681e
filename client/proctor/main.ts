// The proctor's page: the live supervision dashboard.
import { followLanguage } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import './lectern-proctor.js';

followLanguage(() => t('proctor.title'));
