/**
 * Exit code for a start-up failure that restarting cannot fix (sysexits' EX_CONFIG): a wrong
 * option, an unreadable certificate, an old Node.js. deploy/lectern.service lists it in
 * RestartPreventExitStatus, so systemd stops instead of looping; bin/node-version.mjs uses the
 * same number (a test checks that they agree).
 */
export const EXIT_FIX_FIRST = 78;
