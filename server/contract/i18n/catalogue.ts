// The one catalogue per language: every text a person reads, the pages' and the server's
// printouts', in one key space. French is the source; English is typed from it, so a key missing
// in one language does not compile. The areas stay separate files so a page can load only those
// it shows (the kiosk, which every candidate downloads, loads kiosk, admin and errors).
import { formatEntry, type Language, type Params, type Translation } from './format.js';
import { kioskFr } from './fr/kiosk.js';
import { adminFr } from './fr/admin.js';
import { errorsFr } from './fr/errors.js';
import { proctorFr } from './fr/proctor.js';
import { gradingFr } from './fr/grading.js';
import { labelsFr } from './fr/labels.js';
import { printFr } from './fr/print.js';
import { privacyFr } from './fr/privacy.js';
import { recoveryFr } from './fr/recovery.js';
import { previewFr } from './fr/preview.js';
import { opsFr } from './fr/ops.js';
import { statisticsFr } from './fr/statistics.js';
import { securityFr } from './fr/security.js';
import { accountsFr } from './fr/accounts.js';
import { kioskCopyFr } from './fr/kiosk-copy.js';
import { kioskOfflineFr } from './fr/kiosk-offline.js';
import { recoveredAnswersFr } from './fr/recovered-answers.js';
import { contentEvidenceFr } from './fr/content-evidence.js';
import { fallbackFr } from './fr/fallback.js';
import { fallbackOfferFr } from './fr/fallback-offer.js';
import { proctorScreensFr } from './fr/proctor-screens.js';
import { formsFr } from './fr/forms.js';
import { kioskScreensFr } from './fr/kiosk-screens.js';
import { kioskEn } from './en/kiosk.js';
import { adminEn } from './en/admin.js';
import { errorsEn } from './en/errors.js';
import { proctorEn } from './en/proctor.js';
import { gradingEn } from './en/grading.js';
import { labelsEn } from './en/labels.js';
import { printEn } from './en/print.js';
import { privacyEn } from './en/privacy.js';
import { recoveryEn } from './en/recovery.js';
import { previewEn } from './en/preview.js';
import { opsEn } from './en/ops.js';
import { statisticsEn } from './en/statistics.js';
import { securityEn } from './en/security.js';
import { accountsEn } from './en/accounts.js';
import { kioskCopyEn } from './en/kiosk-copy.js';
import { kioskOfflineEn } from './en/kiosk-offline.js';
import { recoveredAnswersEn } from './en/recovered-answers.js';
import { contentEvidenceEn } from './en/content-evidence.js';
import { fallbackEn } from './en/fallback.js';
import { fallbackOfferEn } from './en/fallback-offer.js';
import { proctorScreensEn } from './en/proctor-screens.js';
import { formsEn } from './en/forms.js';
import { kioskScreensEn } from './en/kiosk-screens.js';

/** Each area in both languages, for the test that no two areas claim the same key. */
export const areas = {
  kiosk: { fr: kioskFr, en: kioskEn },
  admin: { fr: adminFr, en: adminEn },
  errors: { fr: errorsFr, en: errorsEn },
  proctor: { fr: proctorFr, en: proctorEn },
  grading: { fr: gradingFr, en: gradingEn },
  labels: { fr: labelsFr, en: labelsEn },
  print: { fr: printFr, en: printEn },
  privacy: { fr: privacyFr, en: privacyEn },
  recovery: { fr: recoveryFr, en: recoveryEn },
  preview: { fr: previewFr, en: previewEn },
  ops: { fr: opsFr, en: opsEn },
  statistics: { fr: statisticsFr, en: statisticsEn },
  security: { fr: securityFr, en: securityEn },
  accounts: { fr: accountsFr, en: accountsEn },
  kioskCopy: { fr: kioskCopyFr, en: kioskCopyEn },
  kioskOffline: { fr: kioskOfflineFr, en: kioskOfflineEn },
  recoveredAnswers: { fr: recoveredAnswersFr, en: recoveredAnswersEn },
  contentEvidence: { fr: contentEvidenceFr, en: contentEvidenceEn },
  fallback: { fr: fallbackFr, en: fallbackEn },
  fallbackOffer: { fr: fallbackOfferFr, en: fallbackOfferEn },
  proctorScreens: { fr: proctorScreensFr, en: proctorScreensEn },
  forms: { fr: formsFr, en: formsEn },
  kioskScreens: { fr: kioskScreensFr, en: kioskScreensEn },
};

// One area per line, so that adding an area is one line here and one in each list below.
export const fr = {
  ...kioskFr,
  ...adminFr,
  ...errorsFr,
  ...proctorFr,
  ...gradingFr,
  ...labelsFr,
  ...printFr,
  ...privacyFr,
  ...recoveryFr,
  ...previewFr,
  ...opsFr,
  ...statisticsFr,
  ...securityFr,
  ...accountsFr,
  ...kioskCopyFr,
  ...kioskOfflineFr,
  ...recoveredAnswersFr,
  ...contentEvidenceFr,
  ...fallbackFr,
  ...fallbackOfferFr,
  ...proctorScreensFr,
  ...formsFr,
  ...kioskScreensFr,
};
export type MessageKey = keyof typeof fr;
export const en: Translation<typeof fr> = {
  ...kioskEn,
  ...adminEn,
  ...errorsEn,
  ...proctorEn,
  ...gradingEn,
  ...labelsEn,
  ...printEn,
  ...privacyEn,
  ...recoveryEn,
  ...previewEn,
  ...opsEn,
  ...statisticsEn,
  ...securityEn,
  ...accountsEn,
  ...kioskCopyEn,
  ...kioskOfflineEn,
  ...recoveredAnswersEn,
  ...contentEvidenceEn,
  ...fallbackEn,
  ...fallbackOfferEn,
  ...proctorScreensEn,
  ...formsEn,
  ...kioskScreensEn,
};

export const catalogues: Record<Language, Translation<typeof fr>> = { fr, en };

/** The text of `key` in `language`, its plural form chosen by `params.n`, placeholders filled. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  return formatEntry(catalogues[language][key], language, params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/**
 * The groups of names in labels.ts: `event.focus-lost`, `action.session.started`... A value the
 * catalogue does not name (a newer kind than this build) reads as itself rather than as nothing.
 */
export type LabelGroup = 'event' | 'action' | 'tileState' | 'sessionState' | 'submitKind' | 'extensionKind' | 'saveRefusal' | 'pasteSource';

export function labelFor(language: Language, group: LabelGroup, value: string): string {
  const key = `${group}.${value}`;
  return isMessageKey(key) ? translate(language, key) : value;
}
