// A loopback TCP proxy between a browser and Lectern, so that a test can cut the network under a
// kiosk (every open connection dropped at once, as a pulled cable or a restarted switch does)
// without touching the server, and count the WebSocket connections the kiosk opens again.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LoopbackProxy {
  url: string;
  /** WebSocket upgrades seen so far (one per kiosk connection). */
  readonly upgrades: number;
  /** Drops every open connection, both ways. */
  cut(): void;
  close(): Promise<void>;
}

export async function startLoopbackProxy(targetPort: number): Promise<LoopbackProxy> {
  const open = new Set<Socket>();
  let upgrades = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    let first = true;
    client.on('data', (chunk: Buffer) => {
      if (first && /^upgrade: websocket/im.test(chunk.toString('latin1'))) upgrades++;
      first = false;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get upgrades() {
      return upgrades;
    },
    cut() {
      for (const socket of [...open]) socket.destroy();
      open.clear();
    },
    close() {
      for (const socket of [...open]) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
