// What the kiosk reports to the proctor, exactly as the monitoring notice tells the candidate:
// focus lost and back, page hidden, fullscreen left, paste (its length and where the text comes
// from), copy, right-click, blocked shortcuts, reloads, and every 2 s whether they are typing,
// reading or idle. Events that happen while offline wait in an outbox and go on reconnection,
// with how long they waited, so the server can date them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Activity, KioskToServer, SupervisionKind } from '../../server/contract/kiosk-protocol.js';

export type SupervisionDetail = Record<string, string | number | boolean>;
export type PasteSource = 'document' | 'own-answer' | 'outside';

/** The parts of a KeyboardEvent the shortcut rule reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** AltGr, which Windows reports as Ctrl+Alt: French keyboards type @, #, €, {, } with it. */
  altGraph?: boolean;
}

/** Browser shortcuts that would leave, print, save or inspect the exam page. */
const blockedWithCtrl = new Set(['p', 's', 'n', 't', 'w', 'o', 'u']);
const blockedWithCtrlShift = new Set(['i', 'j', 'c']);

function letterOf(press: KeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const fromCode = /^Key([A-Z])$/.exec(press.code);
  return fromCode ? fromCode[1]!.toLowerCase() : null;
}

/** The shortcut's name ("Ctrl+P", "Ctrl+Shift+I", "F12") if the kiosk blocks it; null for every other key. */
export function blockedShortcut(press: KeyPress): string | null {
  if (press.key === 'F12') return 'F12';
  const command = press.ctrlKey || press.metaKey;
  if (!command) return null;
  if (press.altGraph || (press.ctrlKey && press.altKey && !press.metaKey)) return null;
  const letter = letterOf(press);
  if (!letter) return null;
  const name = (parts: string[]) => [press.metaKey ? 'Cmd' : 'Ctrl', ...parts, letter.toUpperCase()].join('+');
  if ((press.shiftKey || press.altKey) && blockedWithCtrlShift.has(letter)) {
    return name([press.shiftKey ? 'Shift' : 'Alt']);
  }
  if (blockedWithCtrl.has(letter) && !press.altKey) return name(press.shiftKey ? ['Shift'] : []);
  return null;
}

function normalizeForSearch(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Where pasted text comes from: the section's document, one of the candidate's own answers, or elsewhere. */
export function pasteSource(pasted: string, documentText: string, answers: readonly string[]): PasteSource {
  const needle = normalizeForSearch(pasted);
  if (needle.length === 0) return 'outside';
  if (normalizeForSearch(documentText).includes(needle)) return 'document';
  if (answers.some((answer) => normalizeForSearch(answer).includes(needle))) return 'own-answer';
  return 'outside';
}

/** typing: a key in the last 5 s; reading: the pointer, the scroll or a key in the last 2 min; else idle. */
export function activityAt(now: number, lastKeyAt: number | null, lastMoveAt: number | null): Activity {
  if (lastKeyAt !== null && now - lastKeyAt < 5000) return 'typing';
  const latest = Math.max(lastKeyAt ?? -Infinity, lastMoveAt ?? -Infinity);
  return now - latest < 120_000 ? 'reading' : 'idle';
}

export interface SupervisionTransport {
  readonly online: boolean;
  send(message: KioskToServer): boolean;
}

export interface SupervisionOptions {
  transport: SupervisionTransport;
  /** Text of the document on screen, to tell a paste from the document. */
  documentText: () => string;
  /** The candidate's answers, to tell a paste from their own text. */
  answers: () => readonly string[];
  monotonicNow?: () => number;
  heartbeatMs?: number;
}

interface QueuedEvent {
  kind: SupervisionKind;
  detail: SupervisionDetail;
  at: number;
}

const OUTBOX_LIMIT = 500;

export class Supervision implements ReactiveController {
  /** Report events and block shortcuts (after the notice is acknowledged, until the receipt). */
  monitoring = false;
  /** Send heartbeats (while logged in). */
  heartbeats = false;

  private outbox: QueuedEvent[] = [];
  private lastKeyAt: number | null = null;
  private lastMoveAt: number | null = null;
  private blurredAt: number | null = null;
  private hiddenAt: number | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private _lastHeartbeatAt: number | null = null;
  private reloadChecked = false;
  private readonly now: () => number;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SupervisionOptions,
  ) {
    this.now = options.monotonicNow ?? (() => performance.now());
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown, true);
    window.addEventListener('pointermove', this.onMove, { capture: true, passive: true });
    window.addEventListener('pointerdown', this.onMove, { capture: true, passive: true });
    window.addEventListener('wheel', this.onMove, { capture: true, passive: true });
    document.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    window.addEventListener('blur', this.onBlur);
    window.addEventListener('focus', this.onFocus);
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    document.addEventListener('paste', this.onPaste, true);
    document.addEventListener('copy', this.onCopy, true);
    document.addEventListener('contextmenu', this.onContextMenu, true);
    this.heartbeatTimer = setInterval(() => this.sendHeartbeat(), this.options.heartbeatMs ?? 2000);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown, true);
    window.removeEventListener('pointermove', this.onMove, true);
    window.removeEventListener('pointerdown', this.onMove, true);
    window.removeEventListener('wheel', this.onMove, true);
    document.removeEventListener('scroll', this.onMove, true);
    window.removeEventListener('blur', this.onBlur);
    window.removeEventListener('focus', this.onFocus);
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    document.removeEventListener('paste', this.onPaste, true);
    document.removeEventListener('copy', this.onCopy, true);
    document.removeEventListener('contextmenu', this.onContextMenu, true);
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  get activity(): Activity {
    return activityAt(this.now(), this.lastKeyAt, this.lastMoveAt);
  }

  /** Reports a reload once per page load, if this page load was one. */
  reportReloadIfAny(): void {
    if (this.reloadChecked) return;
    this.reloadChecked = true;
    const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (navigation?.type === 'reload') this.report('reload', {});
  }

  /** Sends what waited while offline (call when the connection opens). */
  flushOutbox(): void {
    if (!this.options.transport.online) return;
    while (this.outbox.length > 0) {
      const event = this.outbox[0]!;
      const detail = { ...event.detail, queuedMs: Math.round(this.now() - event.at) };
      if (!this.options.transport.send({ type: 'supervision', kind: event.kind, detail })) return;
      this.outbox.shift();
    }
  }

  report(kind: SupervisionKind, detail: SupervisionDetail = {}): void {
    if (this.outbox.length === 0 && this.options.transport.send({ type: 'supervision', kind, detail })) return;
    if (this.outbox.length >= OUTBOX_LIMIT) this.outbox.shift();
    this.outbox.push({ kind, detail, at: this.now() });
  }

  private sendHeartbeat(): void {
    if (!this.heartbeats || !this.options.transport.online) return;
    this.flushOutbox();
    if (this.options.transport.send({ type: 'heartbeat', activity: this.activity })) this._lastHeartbeatAt = this.now();
  }

  /** Monotonic time the last heartbeat was sent: its answer gives a round trip for the server clock. */
  get lastHeartbeatAt(): number | null {
    return this._lastHeartbeatAt;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    this.lastKeyAt = this.now();
    if (!this.monitoring) return;
    const shortcut = blockedShortcut({
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      altGraph: event.getModifierState?.('AltGraph') ?? false,
    });
    if (!shortcut) return;
    event.preventDefault();
    event.stopPropagation();
    if (!event.repeat) this.report('blocked-shortcut', { shortcut });
  };

  private readonly onMove = () => {
    this.lastMoveAt = this.now();
  };

  private readonly onBlur = () => {
    if (!this.monitoring || this.blurredAt !== null) return;
    this.blurredAt = this.now();
    this.report('focus-lost');
  };

  private readonly onFocus = () => {
    if (this.blurredAt === null) return;
    const awayMs = Math.round(this.now() - this.blurredAt);
    this.blurredAt = null;
    if (this.monitoring) this.report('focus-back', { awayMs });
  };

  private readonly onVisibility = () => {
    if (!this.monitoring) return;
    if (document.visibilityState === 'hidden') {
      this.hiddenAt = this.now();
      this.report('page-hidden');
    } else {
      const hiddenMs = this.hiddenAt === null ? 0 : Math.round(this.now() - this.hiddenAt);
      this.hiddenAt = null;
      this.report('page-visible', { hiddenMs });
    }
  };

  private readonly onFullscreen = () => {
    if (!this.monitoring) return;
    this.report(document.fullscreenElement ? 'fullscreen-entered' : 'fullscreen-left');
  };

  private readonly onPaste = (event: ClipboardEvent) => {
    if (!this.monitoring) return;
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    const source = pasteSource(pasted, this.options.documentText(), this.options.answers());
    this.report('paste', { length: pasted.length, source, into: areaOf(event) });
  };

  private readonly onCopy = (event: ClipboardEvent) => {
    if (!this.monitoring) return;
    const target = event.composedPath()[0];
    const length =
      target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement
        ? Math.abs((target.selectionEnd ?? 0) - (target.selectionStart ?? 0))
        : (document.getSelection()?.toString().length ?? 0);
    this.report('copy', { length, from: areaOf(event) });
  };

  private readonly onContextMenu = (event: MouseEvent) => {
    if (!this.monitoring) return;
    event.preventDefault();
    this.report('context-menu', { on: areaOf(event) });
  };
}

/** The part of the page an event happened in, from the nearest `data-area` on its path. */
function areaOf(event: Event): string {
  for (const target of event.composedPath()) {
    if (target instanceof HTMLElement && target.dataset['area']) return target.dataset['area'];
  }
  return 'page';
}
