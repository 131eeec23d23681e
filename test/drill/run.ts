// `npm run drill [-- --kills N] [--kiosks N] [--browsers N]`: the full recovery drill, then the kill suite.
import { parseArgs } from 'node:util';
import { runDrill, runKillSuite } from './drill.js';

const { values } = parseArgs({ options: { kills: { type: 'string' }, kiosks: { type: 'string' }, browsers: { type: 'string' } }, strict: true });
const kills = Number(values.kills ?? 10);
const kiosks = Number(values.kiosks ?? 30);
const browserKiosks = Number(values.browsers ?? 2);
const log = (line: string) => console.log(`  ${line}`);

console.log(`Recovery drill: ${kiosks} simulated kiosks and ${browserKiosks} Chromium kiosks, the server killed at a random moment, its data folder deleted, the newest backup restored.`);
// Short answers: some are finished between the newest backup and the kill, the case a kiosk must resend.
const drill = await runDrill({ kiosks, killWindowMs: [5000, 20_000], afterMs: 10_000, charsPerQuestion: 40, backupIntervalS: 5, browserKiosks, log });
console.log(`Characters typed:             ${drill.typedChars}`);
console.log(`Characters on the server:     ${drill.serverChars}${drill.typedChars === drill.serverChars ? ' (equal)' : ' (MISSING ' + (drill.typedChars - drill.serverChars) + ')'}`);
console.log(`  of which Chromium kiosks:   ${drill.browserTypedChars} typed, ${drill.browserServerChars} on the server`);
console.log(`Backup restored:              ${drill.backupAgeMs} ms old at the kill`);
console.log(`Acknowledged, not in backup:  ${drill.ackedMissingFromBackup} characters (given back by the kiosks)`);
console.log(`Restart to every kiosk saved: ${drill.resumeMs} ms`);
console.log(`Integrity check:              ${drill.integrity}`);
for (const d of drill.differing.slice(0, 10)) console.log(`  differs: ${d}`);

console.log(`\nKill suite: ${kills} SIGKILLs at random moments, 20 typing candidates.`);
const suite = await runKillSuite({ kills, candidates: 20, log });
console.log(`Acknowledged saves checked:   ${suite.ackedSaves}, lost: ${suite.lost.length}`);
console.log(`Integrity check:              ${suite.integrity}`);
console.log(`Restore onto the running server: ${suite.restoreRefusedWhileRunning ? 'refused' : 'NOT REFUSED'}`);
for (const l of suite.lost.slice(0, 10)) console.log(`  lost: ${l}`);

process.exitCode = drill.typedChars === drill.serverChars && drill.integrity === 'ok' && suite.lost.length === 0 && suite.integrity === 'ok' && suite.restoreRefusedWhileRunning ? 0 : 1;
