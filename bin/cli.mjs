#!/usr/bin/env node
// `npm run backup|restore|unseal|admin|purge|audit:verify|coordinator-key|content:...`: runs the command's
// bundle from dist/server/ with plain Node, so an exam server installed without the development
// dependencies (no tsx) can run every command. `node bin/cli.mjs <command> [arguments]`.
import { launch } from './launch.mjs';

/** Each command and its bundle under dist/server/ (bin/build-server.mjs builds them). */
const commands = {
  admin: 'cli/admin.js',
  'audit-verify': 'cli/audit-verify.js',
  backup: 'cli/backup.js',
  'coordinator-key': 'cli/coordinator-key.js',
  purge: 'cli/purge.js',
  restore: 'cli/restore.js',
  unseal: 'cli/unseal.js',
  'import-fallback': 'cli/import-fallback.js',
  'content-check': 'content/check.js',
  'export-qti': 'content/qti/export-cli.js',
  'import-qti': 'content/qti/import-cli.js',
};

const [command, ...args] = process.argv.slice(2);
const modulePath = command === undefined ? undefined : commands[command];
if (modulePath === undefined) {
  console.error(`Unknown command "${command ?? ''}": one of ${Object.keys(commands).join(', ')}.`);
  process.exit(64);
}
launch(modulePath, args);
