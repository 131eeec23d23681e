// `<data>/lectern.pid`: the process that runs a server on the data folder. A restore refuses to
// replace the database under a running server; a file left by a killed server names a process
// that no longer exists, and counts for nothing.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pidFileName = 'lectern.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user; it runs all the same.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id of a live server on this folder, or null. */
export function runningServer(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, pidFileName), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/** Records this process as the folder's server; the returned function removes the record. */
export function claimDataFolder(dataDir: string): () => void {
  const file = join(dataDir, pidFileName);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
}
