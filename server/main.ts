import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { readConfig, type LecternConfig } from './config.js';
import { buildApp, type LecternApp } from './app.js';
import { createDemo, ensureAdmin, startBackups } from './bootstrap.js';
import { claimDataFolder } from './db/data-lock.js';
import { concernsDatabase, consoleLanguage, startFailureSentence } from './db/start-failure.js';
import { pages } from './routes/pages.js';
import { loadTls, type TlsFiles } from './tls.js';
import { EXIT_FIX_FIRST } from './exit-codes.js';

// The entry point only boots: configuration, logger, app, listen, and a clean stop.
async function main() {
  const config = configOrExit();
  const https = tlsOrExit(config);
  const app = await appOrExit(config, https);
  const out = await firstStartLines(app, config);
  startBackups(app, config);
  closeOnSignals(app);
  const port = await listenOrExit(app, config);
  const release = claimDataFolder(config.dataDir);
  process.once('exit', release);
  out.push('', `Lectern is running (data: ${config.dataDir}, content: ${config.contentDir}).`, ...pageLines(https ? 'https' : 'http', config.host, port));
  console.log(out.join('\n'));
}

/** The configuration from the command line and the environment; a mistake in it ends the process with EXIT_FIX_FIRST. */
function configOrExit(): LecternConfig {
  try {
    return readConfig(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(EXIT_FIX_FIRST);
  }
}

/** The certificate and key when the centre gave them; an unusable one ends the process with one sentence. */
function tlsOrExit(config: LecternConfig): TlsFiles | undefined {
  if (!config.tls) return undefined;
  try {
    return loadTls(config.tls);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(EXIT_FIX_FIRST);
  }
}

/**
 * The app, or, when its database cannot be used (a read-only folder, a full disk, a damaged
 * file), one sentence saying what to do and the exit code a service unit does not restart on.
 */
async function appOrExit(config: LecternConfig, https: ReturnType<typeof tlsOrExit>): Promise<LecternApp> {
  try {
    return await buildApp({ dataDir: config.dataDir, contentDir: config.contentDir, logger: loggerOptions(), https, sourceMaps: config.sourceMaps, sealRecipient: config.sealRecipient, fallbackOfferAfterMs: config.fallbackOfferAfterMs });
  } catch (err) {
    if (!concernsDatabase(err, config.dataDir)) throw err;
    const context = { dataDir: config.dataDir, databaseFile: join(config.dataDir, 'lectern.sqlite'), backupDir: config.backupDir };
    console.error(startFailureSentence(err, context, consoleLanguage()));
    process.exit(EXIT_FIX_FIRST);
  }
}

/** Pretty log lines for a person at a terminal, JSON lines for a service manager. */
function loggerOptions() {
  return process.stdout.isTTY
    ? { level: 'info', transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
    : { level: 'info' };
}

/** The admin account on a first start, and the demo session if asked: what the operator must note. */
async function firstStartLines(app: LecternApp, config: LecternConfig): Promise<string[]> {
  const out: string[] = [];
  const admin = await ensureAdmin(app, config.adminPassword);
  if (admin.created) {
    out.push(admin.password ? `First start: account "admin" created with the password ${admin.password} (shown only now: note it).` : 'First start: account "admin" created with the password from LECTERN_ADMIN_PASSWORD.');
  }
  if (config.demo) {
    const demo = await createDemo(app);
    out.push(
      `Demo session ${demo.sessionCode} created (12 candidates).`,
      `  proctor:   ${demo.proctor.username} / ${demo.proctor.password}`,
      `  corrector: ${demo.corrector.username} / ${demo.corrector.password}`,
      '  candidate codes: ' + demo.candidates.map((c) => `${c.workstation} ${c.code}`).join(', '),
    );
  }
  return out;
}

/** SIGINT and SIGTERM close the sockets and the database (saves received are written first), once. */
function closeOnSignals(app: LecternApp) {
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing sockets and the database`);
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

/** Listens, and returns the port actually bound (0 asks for any free one); a busy port ends the process with 1. */
async function listenOrExit(app: LecternApp, config: LecternConfig): Promise<number> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: stop the other program or choose --port.` : e.message);
    process.exit(1);
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : config.port;
}

/** One line per page, with its address on every interface it can be reached on. */
function pageLines(scheme: 'http' | 'https', host: string, port: number): string[] {
  const hosts = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
  const names: Record<string, string> = { '/': 'Candidate kiosk', '/proctor': 'Proctor dashboard', '/grading': 'Grading', '/admin': 'Administration' };
  return Object.entries(names)
    .filter(([path]) => path in pages)
    .map(([path, name]) => `  ${name.padEnd(18)} ${hosts.map((h) => `${scheme}://${h}:${port}${path}`).join('  ')}`);
}

function lanAddresses(): string[] {
  const found = ['localhost'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  }
  return found;
}

void main();
