import type { Translation } from '../format.js';
import type { securityFr } from '../fr/security.js';

export const securityEn: Translation<typeof securityFr> = {
  'error.candidate-code-throttled': 'This candidate code has been refused several times: check it on your slip and ask the proctor. You can try again in {retryAfterMinutes} min.',
  'error.throttle-not-found': 'This wait has already ended or been cleared: reload the list.',
  'error.unknown-reference': 'The request names something that does not exist (an account, a session, a candidate): reload the page and try again.',
  'error.already-exists': 'This already exists: reload the page to see it.',
  'action.throttle.cleared': 'Login wait cleared',
  'security.throttles.title': 'Refused logins',
  'security.throttles.empty': 'No failed logins at the moment.',
  'security.throttles.kind.account': 'Account',
  'security.throttles.kind.address': 'Address',
  'security.throttles.kind.session': 'Wrong codes in the session',
  'security.throttles.kind.candidate-code': 'Candidate code typed',
  'security.throttles.failures': { one: '{n} failure', other: '{n} failures' },
  'security.throttles.wait': 'wait: {minutes} min',
  'security.throttles.slowed': 'slowed, never blocked',
  'security.throttles.clear': 'Clear',
  'security.throttles.cleared': 'Wait cleared.',
  'security.login.accountThrottled': 'Too many failed attempts for this account: try again in {minutes} min, or ask an administrator to clear the wait.',
};
