import { networkInterfaces } from 'node:os';
import { readConfig } from './config.js';
import { buildApp } from './app.js';
import { createDemo, ensureAdmin } from './bootstrap.js';
import { pages } from './routes/pages.js';

// The entry point only boots: configuration, logger, app, listen, and a clean stop.
async function main() {
  let config;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const logger = process.stdout.isTTY
    ? { level: 'info', transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
    : { level: 'info' };
  const app = await buildApp({ dataDir: config.dataDir, contentDir: config.contentDir, logger });

  const admin = await ensureAdmin(app, config.adminPassword);
  const out: string[] = [];
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

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: stop the other program or choose --port.` : e.message);
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? lanAddresses() : [config.host];
  out.push('', `Lectern is running (data: ${config.dataDir}, content: ${config.contentDir}).`);
  const names: Record<string, string> = { '/': 'Candidate kiosk', '/proctor': 'Proctor dashboard', '/grading': 'Grading', '/admin': 'Administration' };
  for (const [path, name] of Object.entries(names)) {
    if (!(path in pages)) continue;
    out.push(`  ${name.padEnd(18)} ${hosts.map((h) => `http://${h}:${port}${path}`).join('  ')}`);
  }
  console.log(out.join('\n'));
}

function lanAddresses(): string[] {
  const found = ['localhost'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  }
  return found;
}

void main();
