// How the "Données" tab words a session's data life cycle and one read of the access log.
import { html } from 'lit';
import { formatDateTime } from '../common/format.js';
import { getLanguage, type StringKey } from '../common/i18n.js';
import { t } from '../common/staff-i18n.js';
import type { AuditExpiryView, DataReadView, PurgedSessionView, SessionRetentionView } from '../../server/contract/privacy.js';

const when = (ms: number | null, fallback: string) => (ms === null ? fallback : formatDateTime(ms, getLanguage()));

export function stepWords(steps: readonly string[]): string {
  return steps.map((s) => t(`privacy.step.${s}` as StringKey)).join(', ');
}

/** What is left of a session's data: kept, or which parts went (and whether forced). */
export function dataState(s: SessionRetentionView): string {
  const gone: string[] = [];
  if (s.monitoringPurgedAt !== null) gone.push(t('privacy.state.monitoringPurged'));
  if (s.purgedAt !== null) gone.push(t('privacy.state.purged'));
  if (s.namesPurgedAt !== null) gone.push(t('privacy.state.namesPurged'));
  if (s.forced) gone.push(t('privacy.state.forced'));
  // French puts a space before the semicolon; English does not.
  return gone.length ? gone.join(getLanguage() === 'fr' ? ' ; ' : '; ') : t('privacy.state.kept');
}

export function renderSessionCells(s: SessionRetentionView) {
  return html`<th scope="row"><span class="code">${s.code}</span> ${s.title}</th>
    <td>${when(s.endedAt, t('privacy.notEnded'))}</td>
    <td>${when(s.juryExportedAt, t('privacy.noExport'))}</td>
    <td>${dataState(s)}${s.due.length ? html`<br /><strong class="due">${t('privacy.cli.wouldDelete', { steps: stepWords(s.due) }).trim()}</strong>` : ''}</td>`;
}

/** One session of a purge's plan or result: what goes, and what is kept and why. */
export function renderPlanned(s: PurgedSessionView, dryRun: boolean) {
  const ended = when(s.endedAt, t('privacy.notEnded'));
  return html`<li>
    ${t('privacy.cli.session', { code: s.code, title: s.title, ended })}
    ${s.steps.length ? html`<br />${t(dryRun ? 'privacy.cli.wouldDelete' : 'privacy.cli.steps', { steps: stepWords(s.steps) })}` : ''}
    ${s.skipped.map((k) => html`<br />${t('privacy.cli.skipped', { step: t(`privacy.step.${k.step}` as StringKey), why: t(`privacy.skip.${k.why}` as StringKey) })}`)}
  </li>`;
}

/** The audit log's entries past their own period: one line under the sessions, when there are some. */
export function renderAuditExpiry(audit: AuditExpiryView, dryRun: boolean) {
  if (audit.entries === 0 || audit.throughAt === null) return '';
  return html`<p>${t(dryRun ? 'privacy.cli.auditWouldExpire' : 'privacy.cli.auditExpired', { n: audit.entries, days: audit.days, through: when(audit.throughAt, '') })}</p>`;
}

const pages = ['workspace', 'readings', 'results', 'jury', 'dashboard', 'report', 'messages', 'incidents', 'events'] as const;

/** The page a route belongs to, in words: the dashboard's socket is the dashboard; exports by their name. */
export function pageOf(route: string): string {
  const name = route === 'ws:subscribe' ? 'dashboard' : pages.find((p) => route.split('/').some((part) => part === p || part.startsWith(`${p}.`)));
  return name ? t(`privacy.page.${name}`) : route;
}

export function renderRead(r: DataReadView) {
  return html`<tr>
    <td>${formatDateTime(r.at, getLanguage())}</td>
    <td>${r.displayName ?? ''} <span class="code">${r.username ?? ''}</span></td>
    <td>${r.kinds.map((k) => t(`privacy.read.${k}` as StringKey)).join(', ')}</td>
    <td><span class="code">${r.sessionCode ?? ''}</span></td>
    <td>${pageOf(r.route)}</td>
  </tr>`;
}
