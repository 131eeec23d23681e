import type { Translation } from '../format.js';
import type { opsFr } from '../fr/ops.js';

export const opsEn: Translation<typeof opsFr> = {
  'kioskKit.usage': 'Usage: npm run kiosk-kit -- <server address> [--out <folder>] [--lang fr|en]\n  e.g. npm run kiosk-kit -- 192.168.1.10:8080',
  'kioskKit.badAddress': '"{address}" is not a Lectern server address: give it as the workstations open it, for example 192.168.1.10:8080 or https://lectern.my-centre.org.',
  'kioskKit.cannotWrite': 'Cannot write into {dir} ({reason}): choose another folder with --out.',
  'kioskKit.written': 'Workstation kit for {origin} written into {dir}: read {readme}.',
};
