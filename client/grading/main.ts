// The grading page's bundle (dist/client/assets/grading.js), loaded by client/pages/grading.html.
import { followLanguage } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import './lectern-grading-app.js';

followLanguage(() => t('grading.title'));
