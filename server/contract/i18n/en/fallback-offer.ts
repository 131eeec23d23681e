import type { Translation } from '../format.js';
import type { fallbackOfferFr } from '../fr/fallback-offer.js';

export const fallbackOfferEn: Translation<typeof fallbackOfferFr> = {
  'fallbackOffer.hideDetail': 'Hide the explanation',
  'fallbackOffer.showDetail': 'Show the explanation',
  'fallbackOffer.proctorArea': 'Fallback file (proctor)',
};
