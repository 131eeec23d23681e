// Chromium's managed policies for an exam workstation: the browser reaches the Lectern server and
// nothing else, and offers no help a language test forbids (translation, spelling, writing aids)
// nor a way out (developer tools, extensions, other profiles, downloads). Pure: the CLI writes them.

/** The server as the workstations reach it, e.g. http://192.168.1.10:8080. */
export interface KioskAddress {
  origin: string;
  /** The WebSocket origin the kiosk's live connection uses (ws: or wss:). */
  socketOrigin: string;
}

export type PolicyValue = boolean | number | string | string[];

/**
 * Reads "192.168.1.10:8080", "http://192.168.1.10:8080" or "https://lectern.example" into the
 * origin; without a scheme, http; without a scheme or a port, Lectern's default port 8080.
 * Returns null for anything else (another scheme, a path, no host).
 */
export function parseKioskAddress(text: string): KioskAddress | null {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (!hasScheme && !url.port) url.port = '8080';
  const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { origin: url.origin, socketOrigin: `${socketScheme}//${url.host}` };
}

/** The policies, by Chromium's names (https://chromeenterprise.google/policies/). */
export function kioskPolicies(address: KioskAddress): Record<string, PolicyValue> {
  const home = `${address.origin}/`;
  return {
    // Only the server: every other address is refused with "blocked by your administrator".
    // about:blank stays: the browser opens it before any page (and harmlessly shows nothing).
    URLBlocklist: ['*'],
    URLAllowlist: [address.origin, address.socketOrigin, 'about:blank'],
    HomepageLocation: home,
    HomepageIsNewTabPage: false,
    NewTabPageLocation: home,
    RestoreOnStartup: 4,
    RestoreOnStartupURLs: [home],
    // Plain http on the room's network is not a secure origin: without this the kiosk can have no
    // service worker, and a reload while the server is unreachable shows the browser's error page
    // instead of the exam (issue 10, item 7). The policy form of --unsafely-treat-insecure-origin-as-secure.
    ...(address.origin.startsWith('http:') ? { OverrideSecurityRestrictionsOnInsecureOrigin: [address.origin] } : {}),
    // A language test: no translation, no spelling service or checker, no writing help.
    TranslateEnabled: false,
    TranslatorAPIAllowed: false,
    SpellcheckEnabled: false,
    SpellCheckServiceEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    PasswordManagerEnabled: false,
    SearchSuggestEnabled: false,
    GenAILocalFoundationalModelSettings: 1,
    // No way out of the page: no developer tools, extensions, other profiles or private windows.
    DeveloperToolsAvailability: 2,
    ExtensionInstallBlocklist: ['*'],
    BrowserGuestModeEnabled: false,
    BrowserAddPersonEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    IncognitoModeAvailability: 1,
    TaskManagerEndProcessEnabled: false,
    // The kiosk never downloads anything (the receipt is shown on screen): every download blocked.
    DownloadRestrictions: 3,
    AllowFileSelectionDialogs: false,
    BookmarkBarEnabled: false,
    EditBookmarksEnabled: false,
    ShowHomeButton: false,
    DefaultNotificationsSetting: 2,
    DefaultGeolocationSetting: 2,
    DefaultBrowserSettingEnabled: false,
    BackgroundModeEnabled: false,
    // The room has no internet: nothing to report to, nothing to check against.
    MetricsReportingEnabled: false,
    SafeBrowsingProtectionLevel: 0,
    AllowDinosaurEasterEgg: false,
  };
}

/** The policies as Debian's and Ubuntu's Chromium read them from /etc/chromium/policies/managed/. */
export function linuxPolicyFile(policies: Record<string, PolicyValue>): string {
  return JSON.stringify(policies, null, 2) + '\n';
}

/** Registry keys where each browser reads its machine policies on Windows. */
export const windowsPolicyKeys = {
  chrome: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
  chromium: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Chromium',
} as const;

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regDword = (n: number) => `dword:${n.toString(16).padStart(8, '0')}`;

/**
 * The same policies as a .reg file for regedit: scalars as values of the browser's key, each list
 * as a subkey of numbered values; a list's old subkey is deleted first so no stale entry stays.
 */
export function windowsRegFile(policies: Record<string, PolicyValue>, key: string): string {
  const lines = ['Windows Registry Editor Version 5.00', '', `[${key}]`];
  const lists: [string, string[]][] = [];
  for (const [name, value] of Object.entries(policies)) {
    if (Array.isArray(value)) lists.push([name, value]);
    else if (typeof value === 'string') lines.push(`${regString(name)}=${regString(value)}`);
    else lines.push(`${regString(name)}=${regDword(typeof value === 'boolean' ? Number(value) : value)}`);
  }
  for (const [name, values] of lists) {
    lines.push('', `[-${key}\\${name}]`, '', `[${key}\\${name}]`);
    values.forEach((v, i) => lines.push(`${regString(String(i + 1))}=${regString(v)}`));
  }
  return lines.join('\r\n') + '\r\n';
}
