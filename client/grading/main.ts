// The grading page's bundle (dist/client/assets/grading.js), loaded by client/pages/grading.html.
import { getLanguage } from '../common/i18n.js';
import './lectern-grading-app.js';

document.documentElement.lang = getLanguage();
