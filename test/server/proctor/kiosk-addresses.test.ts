import { describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { kioskAddresses, slipUrl } from '../../../server/proctor/kiosk-addresses.js';
import { renderSlipsPage } from '../../../server/proctor/slips.js';

const lan = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a?.family === 'IPv4' && !a.internal)
  .map((a) => a!.address);

describe('the address on the login slips (issue 13, item 4)', () => {
  it('offers the proctor’s own address first, and the LAN addresses only when the server listens on all', () => {
    const all = kioskAddresses('http', '10.0.0.5:8080', { address: '0.0.0.0', family: 'IPv4', port: 8080 });
    expect(all.choices[0]).toBe('http://10.0.0.5:8080');
    expect(all.chosen).toBe('http://10.0.0.5:8080');
    for (const a of lan) expect(all.choices).toContain(`http://${a}:8080`);
    const one = kioskAddresses('https', '127.0.0.1:8443', { address: '127.0.0.1', family: 'IPv4', port: 8443 });
    expect(one.choices).toEqual(['https://127.0.0.1:8443']);
  });

  it('takes the proctor’s pick when the server offers it, and names a refused one', () => {
    expect(kioskAddresses('http', 'lectern.lan:80', null, 'http://lectern.lan:80/')).toEqual({ choices: ['http://lectern.lan:80'], chosen: 'http://lectern.lan:80', refused: null });
    expect(kioskAddresses('http', 'lectern.lan:80', null, 'http://evil.example')).toEqual({ choices: ['http://lectern.lan:80'], chosen: 'http://lectern.lan:80', refused: 'http://evil.example' });
  });

  it('puts the workstation in each slip’s address, one QR code per workstation', async () => {
    expect(slipUrl('http://10.0.0.5:8080', 'PC 01/B')).toBe('http://10.0.0.5:8080/?workstation=PC%2001%2FB');
    expect(slipUrl('http://10.0.0.5:8080', null)).toBe('http://10.0.0.5:8080/');
    const slips = Array.from({ length: 7 }, (_, i) => ({ code: `ABCD-EFG${i}`, workstation: `PC-0${i}` }));
    const addresses = { choices: ['http://10.0.0.5:8080'], chosen: 'http://10.0.0.5:8080', refused: null };
    const page = await renderSlipsPage({ title: 'Session', room: 'B12', code: 'ABCD-EF', packTitle: { fr: 'Q', en: 'Q' } }, slips, addresses, 'fr');
    for (const s of slips) expect(page).toContain(`<code>http://10.0.0.5:8080/?workstation=${s.workstation}</code>`);
    expect(new Set(page.match(/src="data:image\/svg\+xml;base64,[^"]+"/g)).size).toBe(7);
    // Seven slips: a sheet of six, then a sheet of one.
    expect(page.match(/<section class="sheet">/g)).toHaveLength(2);
  });
});
