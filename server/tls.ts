import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { LecternConfig } from './config.js';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * Reads the centre's certificate and key, and checks that they go together (Node refuses a key
 * that does not match the certificate). Throws one sentence that names the file and the fix.
 */
export function loadTls(tls: NonNullable<LecternConfig['tls']>): TlsFiles {
  const cert = readPem(tls.certFile, 'certificate (--tls-cert)');
  const key = readPem(tls.keyFile, 'private key (--tls-key)');
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    const reason = (err as Error).message;
    throw new Error(`The certificate ${tls.certFile} and the key ${tls.keyFile} cannot serve HTTPS (${reason}): give the key that goes with this certificate, both in PEM format.`, { cause: err });
  }
  return { cert, key };
}

function readPem(file: string, what: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read by this user' : `cannot be read (${code ?? 'unknown error'})`;
    throw new Error(`The ${what} ${file} ${why}: correct the path or the file's permissions.`, { cause: err });
  }
  if (!content.includes('-----BEGIN ')) {
    throw new Error(`The ${what} ${file} is not in PEM format (a text file starting with -----BEGIN): convert it, e.g. with openssl.`);
  }
  return content;
}
