// The staff pages' areas of the catalogue: the staff login and administration, the proctor's
// dashboard, the grading view, the names of events, actions and states, and server errors. A staff
// element takes `t` and `label` from here, so the areas are loaded whenever it runs; the kiosk
// never imports this file and its bundle stays small.
import { loadCatalogueAreas } from './i18n.js';
import { kioskCopyFr } from '../../server/contract/i18n/fr/kiosk-copy.js';
import { kioskCopyEn } from '../../server/contract/i18n/en/kiosk-copy.js';
import './error-text.js';
import { adminFr } from '../../server/contract/i18n/fr/admin.js';
import { adminEn } from '../../server/contract/i18n/en/admin.js';
import { proctorFr } from '../../server/contract/i18n/fr/proctor.js';
import { proctorEn } from '../../server/contract/i18n/en/proctor.js';
import { gradingFr } from '../../server/contract/i18n/fr/grading.js';
import { gradingEn } from '../../server/contract/i18n/en/grading.js';
import { labelsFr } from '../../server/contract/i18n/fr/labels.js';
import { labelsEn } from '../../server/contract/i18n/en/labels.js';
import { privacyFr } from '../../server/contract/i18n/fr/privacy.js';
import { privacyEn } from '../../server/contract/i18n/en/privacy.js';
import { statisticsFr } from '../../server/contract/i18n/fr/statistics.js';
import { statisticsEn } from '../../server/contract/i18n/en/statistics.js';
import { accountsFr } from '../../server/contract/i18n/fr/accounts.js';
import { accountsEn } from '../../server/contract/i18n/en/accounts.js';
import { recoveredAnswersFr } from '../../server/contract/i18n/fr/recovered-answers.js';
import { recoveredAnswersEn } from '../../server/contract/i18n/en/recovered-answers.js';
import { contentEvidenceFr } from '../../server/contract/i18n/fr/content-evidence.js';
import { contentEvidenceEn } from '../../server/contract/i18n/en/content-evidence.js';
import { fallbackFr } from '../../server/contract/i18n/fr/fallback.js';
import { fallbackEn } from '../../server/contract/i18n/en/fallback.js';
import { proctorScreensFr } from '../../server/contract/i18n/fr/proctor-screens.js';
import { proctorScreensEn } from '../../server/contract/i18n/en/proctor-screens.js';
import { formsFr } from '../../server/contract/i18n/fr/forms.js';
import { formsEn } from '../../server/contract/i18n/en/forms.js';

loadCatalogueAreas(
  { fr: fallbackFr, en: fallbackEn },
  { fr: adminFr, en: adminEn },
  { fr: proctorFr, en: proctorEn },
  { fr: gradingFr, en: gradingEn },
  { fr: labelsFr, en: labelsEn },
  { fr: privacyFr, en: privacyEn },
  { fr: statisticsFr, en: statisticsEn },
  { fr: accountsFr, en: accountsEn },
  { fr: kioskCopyFr, en: kioskCopyEn },
  { fr: recoveredAnswersFr, en: recoveredAnswersEn },
  { fr: contentEvidenceFr, en: contentEvidenceEn },
  { fr: proctorScreensFr, en: proctorScreensEn },
  { fr: formsFr, en: formsEn },
);

export { label, t } from './i18n.js';
