// The runtime check, in plain JavaScript that every Node.js since 12 parses: it runs before
// anything imports modern syntax or a dependency that needs Node 22+ (cookie@2,
// content-disposition@3), so an old Node stops with one sentence instead of a syntax error.

/** The oldest major version Lectern supports: Node.js 24 LTS (package.json `engines` says the same). */
export const REQUIRED_NODE_MAJOR = 24;

/**
 * Exit code for a start-up failure that a restart cannot fix (sysexits' EX_CONFIG):
 * deploy/lectern.service lists it in RestartPreventExitStatus so systemd does not loop.
 */
export const EXIT_FIX_FIRST = 78;

/** The sentence to print when `version` (e.g. "20.20.2" or "v20.20.2") is too old, or null. */
export function nodeVersionProblem(version) {
  const text = String(version).replace(/^v/, '');
  const major = Number(text.split('.')[0]);
  if (Number.isInteger(major) && major >= REQUIRED_NODE_MAJOR) return null;
  return (
    `Lectern a besoin de Node.js ${REQUIRED_NODE_MAJOR} ou plus récent (ce serveur a Node.js ${text}) : installez Node.js ${REQUIRED_NODE_MAJOR} LTS puis relancez. / ` +
    `Lectern needs Node.js ${REQUIRED_NODE_MAJOR} or later (this server has Node.js ${text}): install Node.js ${REQUIRED_NODE_MAJOR} LTS and start again.`
  );
}

/** Stops the process at once on a Node.js older than the one required. */
export function exitIfOldNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem === null) return;
  console.error(problem);
  process.exit(EXIT_FIX_FIRST);
}
