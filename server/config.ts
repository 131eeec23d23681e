import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export interface LecternConfig {
  host: string;
  port: number;
  dataDir: string;
  contentDir: string;
  demo: boolean;
  adminPassword: string | undefined;
  /** A second backups folder (a USB key, a second disk), besides <data>/backups. */
  backupDir: string | undefined;
  /** Time between two backups while a session runs. */
  backupIntervalMs: number;
  /** LECTERN_SEAL_RECIPIENT: the coordinator's public key; backups in the second folder are sealed to it. */
  sealRecipient: string | undefined;
  /** The centre's certificate and its key (PEM files): both set, Lectern serves HTTPS and WSS. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** Serve the pages' source maps (for a developer chasing a bug in a browser). */
  sourceMaps: boolean;
  /** LECTERN_FALLBACK_AFTER (seconds): how long a kiosk waits for the server before offering the fallback file; default 120. */
  fallbackOfferAfterMs?: number;
}

const usage = `Usage: npm start -- [options]
  --host HOST       address to listen on (LECTERN_HOST, default 0.0.0.0)
  --port PORT       port (LECTERN_PORT, default 8080)
  --data DIR        the SQLite file and backups (LECTERN_DATA_DIR, default ./data)
  --content DIR     content packs (LECTERN_CONTENT_DIR, default ./content)
  --backup-dir DIR  a second folder for backups, a USB key or a second disk (LECTERN_BACKUP_DIR)
  --backup-interval SECONDS  between two backups while a session runs (LECTERN_BACKUP_INTERVAL, default 60)
  --demo            also create a demo session with 12 candidates, a proctor and a corrector
  --tls-cert FILE   the centre's certificate, PEM (LECTERN_TLS_CERT): serve HTTPS and WSS
  --tls-key FILE    its private key, PEM (LECTERN_TLS_KEY); without both, plain HTTP
  LECTERN_FALLBACK_AFTER=SECONDS  a kiosk without the server this long offers the fallback file (default 120).
  LECTERN_SOURCE_MAPS=1 also serves the pages' source maps (off by default).
  LECTERN_SEAL_RECIPIENT=age1... seals the backups of the second folder for the coordinator (npm run coordinator-key).
  LECTERN_ADMIN_PASSWORD sets the first admin's password (otherwise one is generated and printed once).`;

/** Flags win over environment variables, which win over defaults. Throws with the usage on bad input. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): LecternConfig {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        content: { type: 'string' },
        'backup-dir': { type: 'string' },
        'backup-interval': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${usage}`, { cause: err });
  }
  if (parsed.values.help) throw new Error(usage);
  const portText = parsed.values.port ?? env.LECTERN_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The port must be a whole number from 0 to 65535, found "${portText}".\n${usage}`);
  }
  const intervalText = parsed.values['backup-interval'] ?? env.LECTERN_BACKUP_INTERVAL ?? '60';
  const intervalSeconds = Number(intervalText);
  if (!Number.isFinite(intervalSeconds) || intervalSeconds < 1 || intervalSeconds > 86_400) {
    throw new Error(`The backup interval is a number of seconds from 1 to 86400, found "${intervalText}".\n${usage}`);
  }
  const backupDir = parsed.values['backup-dir'] ?? env.LECTERN_BACKUP_DIR;
  const sealRecipient = env.LECTERN_SEAL_RECIPIENT?.trim() || undefined;
  if (sealRecipient !== undefined && !/^age1[02-9ac-hj-np-z]{58}$/.test(sealRecipient)) {
    throw new Error(`LECTERN_SEAL_RECIPIENT must be the coordinator's public key (age1…, from npm run coordinator-key), found "${sealRecipient.slice(0, 12)}…".`);
  }
  const fallbackText = env.LECTERN_FALLBACK_AFTER;
  const fallbackSeconds = Number(fallbackText);
  if (fallbackText !== undefined && (!Number.isFinite(fallbackSeconds) || fallbackSeconds < 1 || fallbackSeconds > 86_400)) {
    throw new Error(`LECTERN_FALLBACK_AFTER is a number of seconds from 1 to 86400, found "${fallbackText}".\n${usage}`);
  }
  return {
    ...(fallbackText !== undefined ? { fallbackOfferAfterMs: Math.round(fallbackSeconds * 1000) } : {}),
    tls: readTlsFiles(parsed.values['tls-cert'] ?? env.LECTERN_TLS_CERT, parsed.values['tls-key'] ?? env.LECTERN_TLS_KEY),
    sourceMaps: env.LECTERN_SOURCE_MAPS === '1',
    host: parsed.values.host ?? env.LECTERN_HOST ?? '0.0.0.0',
    port,
    dataDir: resolve(parsed.values.data ?? env.LECTERN_DATA_DIR ?? './data'),
    contentDir: resolve(parsed.values.content ?? env.LECTERN_CONTENT_DIR ?? './content'),
    demo: parsed.values.demo ?? false,
    adminPassword: env.LECTERN_ADMIN_PASSWORD || undefined,
    backupDir: backupDir ? resolve(backupDir) : undefined,
    backupIntervalMs: Math.round(intervalSeconds * 1000),
    sealRecipient,
  };
}

/** Both files or neither: a certificate without its key (or the reverse) is a mistake to fix. */
function readTlsFiles(certFile: string | undefined, keyFile: string | undefined): LecternConfig['tls'] {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) {
    throw new Error(`HTTPS needs both the certificate and its key: give --tls-cert and --tls-key (or LECTERN_TLS_CERT and LECTERN_TLS_KEY), or neither for plain HTTP.\n${usage}`);
  }
  return { certFile: resolve(certFile), keyFile: resolve(keyFile) };
}
