// One writer per attempt (issue 10, item 6). Two tabs or windows of one browser share the
// candidate's login and the workstation's local copies: both would type, both would send, and the
// server would keep whichever came last while the other still said "saved". The first tab to
// claim the attempt holds it for as long as it lives; another one waits, read-only, and takes over
// when the first is closed. Web Locks where the browser has them (a secure origin); otherwise a
// BroadcastChannel handshake: a claim that no holder answers within CLAIM_WAIT_MS is granted.

export interface WriterClaim {
  /** Resolves true when this tab writes, false when another holds the attempt (then `granted` fires later, if ever). */
  readonly writer: Promise<boolean>;
  /** Gives the attempt up (another candidate logs in on this tab). */
  release(): void;
}

/** How long a BroadcastChannel claim waits for a holder's answer; tabs of one browser answer in milliseconds. */
export const CLAIM_WAIT_MS = 400;

export function writerLockName(scope: { sessionCode: string; candidateCode: string }): string {
  return `lectern.writer.${scope.sessionCode.toUpperCase()}.${scope.candidateCode.toUpperCase()}`;
}

/** Claims the attempt named `name`; `granted` is called when a tab that waited becomes the writer. */
export function claimWriter(name: string, granted: () => void): WriterClaim {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return claimWithLocks(locks, name, granted);
  if (typeof BroadcastChannel === 'function') return claimWithChannel(name, granted);
  // Neither (a very old browser): nothing can tell another tab; this one writes.
  return { writer: Promise.resolve(true), release: () => undefined };
}

function claimWithLocks(locks: LockManager, name: string, granted: () => void): WriterClaim {
  let releaseHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  const abort = new AbortController();
  let decided = false;
  const writer = new Promise<boolean>((resolve) => {
    void locks
      .request(name, { ifAvailable: true }, (lock) => {
        decided = true;
        if (lock) {
          resolve(true);
          return held;
        }
        resolve(false);
        // Queued behind the holder: granted when its tab closes.
        void locks
          .request(name, { signal: abort.signal }, () => {
            granted();
            return held;
          })
          .catch(() => undefined);
        return undefined;
      })
      .catch(() => {
        if (!decided) resolve(true);
      });
  });
  return {
    writer,
    release: () => {
      abort.abort();
      releaseHeld();
    },
  };
}

type ChannelMessage = { type: 'claim'; tab: string } | { type: 'held'; to: string } | { type: 'released' };

function claimWithChannel(name: string, granted: () => void): WriterClaim {
  const channel = new BroadcastChannel(name);
  const tab = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  let holding = false;
  let answered = false;
  let released = false;
  let decided = false;
  let settle: (writer: boolean) => void = () => undefined;
  const writer = new Promise<boolean>((resolve) => (settle = resolve));
  const decide = (writes: boolean) => {
    if (!decided) settle(writes);
    else if (writes) granted();
    decided = true;
  };
  const claim = () => {
    answered = false;
    channel.postMessage({ type: 'claim', tab } satisfies ChannelMessage);
    setTimeout(() => {
      if (released || answered) return;
      holding = true;
      decide(true);
    }, CLAIM_WAIT_MS);
  };
  channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
    const message = event.data;
    if (message.type === 'claim' && holding) channel.postMessage({ type: 'held', to: message.tab } satisfies ChannelMessage);
    else if (message.type === 'held' && message.to === tab && !holding) {
      answered = true;
      decide(false);
    } else if (message.type === 'released' && !holding && !released) claim();
  };
  const letGo = () => {
    if (holding) channel.postMessage({ type: 'released' } satisfies ChannelMessage);
    holding = false;
  };
  globalThis.addEventListener?.('pagehide', letGo);
  claim();
  return {
    writer,
    release: () => {
      released = true;
      letGo();
      globalThis.removeEventListener?.('pagehide', letGo);
      channel.close();
    },
  };
}
