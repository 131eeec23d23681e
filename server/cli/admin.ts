// `npm run admin -- reset-password <user> [--data DIR]`: recovers an account, a lost admin
// password first of all, from the server's console. It opens the SQLite file beside a running
// server (WAL lets both write; the busy timeout waits out a commit), prints the new password once
// and enables the account again. Every failure is one sentence saying what to do, exit code 1 or 2.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../audit/audit-log.js';
import { AccountService } from '../auth/account-service.js';
import { closeDatabase } from '../db/connection.js';
import { openDatabase } from '../db/open-database.js';
import { UserError } from '../errors.js';

const usage = `Usage: npm run admin -- reset-password <user name> [--data DIR]
  --data DIR   the folder of lectern.sqlite (LECTERN_DATA_DIR, default ./data)`;

interface Command {
  username: string;
  dataDir: string;
}

/** The command line read, or the sentence (with the usage) that says what is wrong. */
export function readCommand(argv: string[], env: NodeJS.ProcessEnv): Command | { problem: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return { problem: `${(err as Error).message}\n${usage}` };
  }
  const [action, username, ...rest] = parsed.positionals;
  if (action !== 'reset-password') return { problem: `Unknown command "${action ?? ''}": the only command is reset-password.\n${usage}` };
  if (!username || rest.length > 0) return { problem: `Give exactly one user name to reset.\n${usage}` };
  return { username, dataDir: resolve(parsed.values.data ?? env.LECTERN_DATA_DIR ?? './data') };
}

/** Resets the password; returns the lines to print and the exit code. */
export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ out: string[]; err: string[]; code: number }> {
  const command = readCommand(argv, env);
  if ('problem' in command) return { out: [], err: [command.problem], code: 2 };
  const file = join(command.dataDir, 'lectern.sqlite');
  // Opening a missing file would create an empty database: say where Lectern's data was looked for instead.
  if (!existsSync(file)) return { out: [], err: [`There is no Lectern database at ${file}: give the data folder with --data DIR (or LECTERN_DATA_DIR).`], code: 1 };
  const db = openDatabase(file);
  try {
    const accounts = new AccountService(db, new AuditLog(db));
    const done = await accounts.resetPasswordFromConsole(command.username);
    const out = [`New password for "${done.username}": ${done.password}`, 'It is shown only now: note it. The account’s open sessions have ended.'];
    if (done.wasDisabled) out.push('The account was disabled: it is enabled again.');
    return { out, err: [], code: 0 };
  } catch (err) {
    if (err instanceof UserError) return { out: [], err: [err.message], code: 1 };
    throw err;
  } finally {
    closeDatabase(db);
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '.js') === resolve(import.meta.filename).replace(/\.ts$/, '.js');
if (isMain) {
  run(process.argv.slice(2), process.env).then(
    ({ out, err, code }) => {
      if (out.length) console.log(out.join('\n'));
      if (err.length) console.error(err.join('\n'));
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`The password could not be reset: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
