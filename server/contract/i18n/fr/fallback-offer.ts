// The fallback file's offer on the kiosk (issue 10, item 4) made to sit beside the answer instead of
// over it: a bar whose explanation folds away, and the proctor's entry at the foot of the screen.
export const fallbackOfferFr = {
  'fallbackOffer.hideDetail': 'Masquer l’explication',
  'fallbackOffer.showDetail': 'Afficher l’explication',
  'fallbackOffer.proctorArea': 'Fichier de secours (surveillant)',
};
