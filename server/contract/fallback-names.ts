// The fallback file's name and format marks, apart from its schemas (fallback-file.ts): the kiosk
// imports these values without TypeBox's code, which its schemas would bring into the page's
// JavaScript (about 46 KB) for three strings (issue 15, item 4).
export const FALLBACK_FORMAT = 'lectern-fallback';
export const FALLBACK_VERSION = 1;
/** The file name's extension: `lectern-secours-<session>-<candidate>-<time>.lectern`. */
export const FALLBACK_EXTENSION = '.lectern';
