/**
 * Exit code for a start-up failure that restarting cannot fix (sysexits' EX_CONFIG): a wrong
 * option, an unreadable certificate, an old Node.js. deploy/lectern.service lists it in
 * RestartPreventExitStatus, so systemd stops instead of looping. One constant: it is defined in
 * bin/node-version.mjs, plain JavaScript that runs before anything is built, and used from there.
 */
export { EXIT_FIX_FIRST } from '../bin/node-version.mjs';
