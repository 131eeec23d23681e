// Item 3: the workstation kit's policies, .reg files and command (the browser test starts
// Chromium with the Linux file: test/browser/kiosk-kit.test.ts).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kioskPolicies, parseKioskAddress, windowsPolicyKeys, windowsRegFile } from '../../../server/cli/kiosk-policies.js';
import { runKioskKit } from '../../../server/cli/kiosk-kit.js';

describe('the server address', () => {
  it('reads the ways a coordinator writes it', () => {
    expect(parseKioskAddress('192.168.1.10:8080')).toEqual({ origin: 'http://192.168.1.10:8080', socketOrigin: 'ws://192.168.1.10:8080' });
    expect(parseKioskAddress('192.168.1.10')?.origin).toBe('http://192.168.1.10:8080');
    expect(parseKioskAddress('http://lectern.local/')?.origin).toBe('http://lectern.local');
    expect(parseKioskAddress(' https://lectern.centre.fr ')).toEqual({ origin: 'https://lectern.centre.fr', socketOrigin: 'wss://lectern.centre.fr' });
    expect(parseKioskAddress('https://10.0.0.2:8443')?.socketOrigin).toBe('wss://10.0.0.2:8443');
  });

  it('refuses what is not a server address', () => {
    for (const bad of ['', 'ftp://10.0.0.1', 'http://10.0.0.1:8080/proctor', 'http://10.0.0.1/?x=1', 'http://user:pw@10.0.0.1', 'http://', '10.0.0.1:99999']) {
      expect(parseKioskAddress(bad), bad).toBeNull();
    }
  });
});

describe('the policies', () => {
  const policies = kioskPolicies(parseKioskAddress('10.0.0.5:8080')!);

  it('treat the server’s plain-http address as a secure origin, so the kiosk can keep its page for a reload during an outage', () => {
    expect(policies.OverrideSecurityRestrictionsOnInsecureOrigin).toEqual(['http://10.0.0.5:8080']);
    expect(kioskPolicies(parseKioskAddress('https://lectern.centre.fr')!).OverrideSecurityRestrictionsOnInsecureOrigin).toBeUndefined();
  });

  it('allow the server only, and no help a language test forbids', () => {
    expect(policies.URLBlocklist).toEqual(['*']);
    expect(policies.URLAllowlist).toEqual(['http://10.0.0.5:8080', 'ws://10.0.0.5:8080', 'about:blank']);
    expect(policies).toMatchObject({
      TranslateEnabled: false,
      SpellcheckEnabled: false,
      SpellCheckServiceEnabled: false,
      DeveloperToolsAvailability: 2,
      ExtensionInstallBlocklist: ['*'],
      DownloadRestrictions: 3,
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      HomepageLocation: 'http://10.0.0.5:8080/',
      RestoreOnStartupURLs: ['http://10.0.0.5:8080/'],
    });
  });

  it('become a .reg file: values as dwords and strings, each list a fresh subkey', () => {
    const reg = windowsRegFile(policies, windowsPolicyKeys.chrome);
    const lines = reg.split('\r\n');
    expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
    expect(lines).toContain('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]');
    expect(lines).toContain('"TranslateEnabled"=dword:00000000');
    expect(lines).toContain('"DeveloperToolsAvailability"=dword:00000002');
    expect(lines).toContain('"SyncDisabled"=dword:00000001');
    expect(lines).toContain('"HomepageLocation"="http://10.0.0.5:8080/"');
    const allow = lines.indexOf('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\URLAllowlist]');
    expect(lines[allow - 2]).toBe('[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\URLAllowlist]');
    expect(lines.slice(allow + 1, allow + 4)).toEqual(['"1"="http://10.0.0.5:8080"', '"2"="ws://10.0.0.5:8080"', '"3"="about:blank"']);
    expect(reg.endsWith('\r\n')).toBe(true);
    expect(reg).not.toMatch(/[^\r]\n/);
  });
});

describe('npm run kiosk-kit', () => {
  let out = '';
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the Linux policy, two .reg files and the instructions for that address', () => {
    out = mkdtempSync(join(tmpdir(), 'lectern-kit-'));
    const run = runKioskKit(['192.168.4.20:8080', '--out', out], { LANG: 'fr_FR.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.out).toBe(`Kit des postes d’examen pour http://192.168.4.20:8080 écrit dans ${out} : lisez ${join(out, 'LISEZMOI.md')}.`);
    expect(readdirSync(out).sort()).toEqual(['LISEZMOI.md', 'README.md', 'linux', 'windows']);
    const linux = JSON.parse(readFileSync(join(out, 'linux', 'lectern.json'), 'utf8'));
    expect(linux).toEqual(kioskPolicies(parseKioskAddress('192.168.4.20:8080')!));
    const reg = readFileSync(join(out, 'windows', 'lectern-chromium.reg'));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(reg.subarray(2).toString('utf16le')).toContain('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Chromium]');
    expect(readdirSync(join(out, 'windows')).sort()).toEqual(['lectern-chrome.reg', 'lectern-chromium.reg']);
    for (const readme of ['LISEZMOI.md', 'README.md']) {
      const text = readFileSync(join(out, readme), 'utf8');
      expect(text).toContain('**http://192.168.4.20:8080**');
      expect(text).not.toContain('{{');
    }
  });

  it('refuses a bad address in the operator’s language and writes nothing', () => {
    out = mkdtempSync(join(tmpdir(), 'lectern-kit-'));
    const fr = runKioskKit(['http://10.0.0.1/proctor', '--out', join(out, 'kit')], {});
    expect(fr.code).toBe(78);
    expect(fr.out.split('\n')[0]).toBe('L’adresse « http://10.0.0.1/proctor » n’est pas celle d’un serveur Lectern : donnez-la comme les postes l’ouvrent, par exemple 192.168.1.10:8080 ou https://lectern.mon-centre.fr.');
    const en = runKioskKit(['ftp://x', '--out', join(out, 'kit'), '--lang', 'en'], {});
    expect(en.out.split('\n')[0]).toBe('"ftp://x" is not a Lectern server address: give it as the workstations open it, for example 192.168.1.10:8080 or https://lectern.my-centre.org.');
    expect(runKioskKit([], { LANG: 'en_GB.UTF-8' }).out).toMatch(/^Usage: npm run kiosk-kit -- <server address>/);
    expect(readdirSync(out)).toEqual([]);
  });
});
