// The addresses a kiosk can reach this server at, for the QR codes of the login slips (issue 13,
// item 4). The first LAN address is not always the right one: a server with two cards, or one
// listening on a single address, is reached at some of its addresses only. So the slips offer
// the addresses the server really listens on, the address the proctor's own page came from
// first (it reached the server, so a kiosk on the same network can), and the proctor picks.
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';

export interface KioskAddresses {
  /** Origins ("http://192.168.1.20:8443"), the proctor's own first. */
  choices: string[];
  chosen: string;
  /** The address the proctor asked for when this server does not offer it (the slips say so). */
  refused: string | null;
}

const wildcard = new Set(['0.0.0.0', '::', '']);

/** Each non-internal IPv4 address of this machine, when the server listens on every address. */
function lanOrigins(protocol: string, listening: AddressInfo | string | null): string[] {
  if (!listening || typeof listening === 'string' || !wildcard.has(listening.address)) return [];
  const origins: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) origins.push(`${protocol}://${a.address}:${listening.port}`);
  }
  return origins;
}

/**
 * The choices and the one chosen: `asked` if the server offers it, else the proctor's own origin.
 * `host` is the Host header the proctor's page was loaded with.
 */
export function kioskAddresses(protocol: string, host: string, listening: AddressInfo | string | null, asked?: string): KioskAddresses {
  const own = `${protocol}://${host}`;
  const choices = [...new Set([own, ...lanOrigins(protocol, listening)])];
  if (asked === undefined || asked === '') return { choices, chosen: own, refused: null };
  const wanted = asked.replace(/\/+$/, '');
  return choices.includes(wanted) ? { choices, chosen: wanted, refused: null } : { choices, chosen: own, refused: asked };
}

/** The address a workstation's QR code carries: the chosen origin, with the workstation when it has one. */
export function slipUrl(origin: string, workstation: string | null): string {
  return workstation === null ? `${origin}/` : `${origin}/?workstation=${encodeURIComponent(workstation)}`;
}
