// A loaded machine, as on the CI run that lost a keystroke (load average 3.7): child processes
// that spin beside Chromium and the server. Bounded twice: they exit by themselves at their
// deadline, and stop() ends them sooner.
import { spawn, type ChildProcess } from 'node:child_process';

export interface CpuBurner {
  stop(): Promise<void>;
}

export function startCpuBurner(processes: number, maxMs: number): CpuBurner {
  const children: ChildProcess[] = [];
  for (let i = 0; i < processes; i++) {
    const code = `const end = Date.now() + ${Math.round(maxMs)}; let x = 0; while (Date.now() < end) x = (x * 31 + 7) % 1000003;`;
    children.push(spawn(process.execPath, ['-e', code], { stdio: 'ignore' }));
  }
  return {
    stop: () =>
      Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      ).then(() => undefined),
  };
}
