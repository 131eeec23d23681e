// The dashboard's picture of the room: the snapshot, then every delta applied to it. Tiles are
// replaced, never mutated, so a tile element re-renders only when its own candidate changed.
import { timeLeftAfter } from '../common/server-clock.js';
import { compareWorkstations, problemScore, tileProblems, tileState, type TileState } from '../../server/contract/rules/tiles.js';
import type {
  CandidateTile,
  DashboardDelta,
  DashboardQuestion,
  DashboardSession,
  DashboardSnapshot,
  FeedItem,
  IncidentView,
  MessageSummary,
} from '../../server/contract/staff-protocol.js';

export const FEED_LIMIT = 500;

export type SortOrder = 'problems' | 'workstation' | 'code' | 'timeLeft' | 'words';
export type Filter = 'all' | 'problems' | TileState;

export interface TileView {
  tile: CandidateTile;
  state: TileState;
  problems: string[];
  /** How much the tile needs the proctor's eye (problems first). */
  score: number;
  timeLeftMs: number;
  words: number;
}

export class DashboardStore {
  session: DashboardSession | null = null;
  questions: DashboardQuestion[] = [];
  tiles = new Map<number, CandidateTile>();
  feed: FeedItem[] = [];
  messages = new Map<number, MessageSummary>();
  incidents: IncidentView[] = [];

  load(snapshot: DashboardSnapshot): void {
    this.session = snapshot.session;
    this.questions = snapshot.questions;
    this.tiles = new Map(snapshot.tiles.map((t) => [t.candidateId, t]));
    this.feed = snapshot.feed.slice(-FEED_LIMIT);
    this.messages = new Map(snapshot.messages.map((m) => [m.id, m]));
    this.incidents = snapshot.incidents;
  }

  apply(delta: DashboardDelta): void {
    switch (delta.type) {
      case 'tile':
        this.tiles.set(delta.tile.candidateId, delta.tile);
        return;
      case 'presence':
        return this.update(delta.candidateId, (t) => ({ ...t, connected: delta.connected, activity: delta.activity, lastHeartbeatAt: delta.lastHeartbeatAt, loggedIn: t.loggedIn || delta.loggedIn }));
      case 'words':
        return this.update(delta.candidateId, (t) => ({ ...t, words: { ...t.words, [delta.questionId]: delta.words }, lastSavedAt: Math.max(t.lastSavedAt ?? 0, delta.savedAt) }));
      case 'room':
        this.session = delta.session;
        this.tiles = new Map(delta.tiles.map((t) => [t.candidateId, t]));
        return;
      case 'feed':
        this.addFeed(delta.item);
        return;
      case 'message': {
        const isNew = !this.messages.has(delta.message.id);
        this.messages = new Map(this.messages).set(delta.message.id, delta.message);
        if (isNew) {
          for (const t of this.tiles.values()) {
            if (!t.absent && (delta.message.candidateId === null || delta.message.candidateId === t.candidateId)) {
              this.update(t.candidateId, (x) => ({ ...x, unacknowledged: x.unacknowledged + 1 }));
            }
          }
        }
        return;
      }
      case 'message-ack': {
        const m = this.messages.get(delta.messageId);
        if (!m || m.acknowledgements.some((a) => a.candidateId === delta.candidateId)) return;
        this.messages = new Map(this.messages).set(m.id, { ...m, acknowledgements: [...m.acknowledgements, { candidateId: delta.candidateId, at: delta.at }] });
        return;
      }
      case 'incident':
        if (!this.incidents.some((i) => i.id === delta.incident.id)) this.incidents = [...this.incidents, delta.incident].sort((a, b) => a.at - b.at);
        return;
    }
  }

  /** What a tile shows at `serverNow`: its state, its problems, its time left. */
  view(tile: CandidateTile, serverNow: number): TileView {
    const sessionState = this.session?.state ?? 'waiting';
    const timeLeftMs = timeLeftAfter(tile.clock, serverNow - tile.clock.serverNow);
    const state = tileState(tile, sessionState, timeLeftMs);
    const problems = tileProblems(tile, state, sessionState);
    return { tile, state, problems, score: problemScore(problems), timeLeftMs, words: Object.values(tile.words).reduce((n, w) => n + w, 0) };
  }

  /** The tiles to show, filtered and sorted; `viewOf` lets the caller reuse the views it keeps. */
  views(serverNow: number, filter: Filter, sort: SortOrder, search: string, viewOf: (tile: CandidateTile) => TileView = (t) => this.view(t, serverNow)): TileView[] {
    const needle = search.trim().toLowerCase().replace(/[\s-]/g, '');
    let list = [...this.tiles.values()].map(viewOf);
    if (filter === 'problems') list = list.filter((v) => v.problems.length > 0);
    else if (filter !== 'all') list = list.filter((v) => v.state === filter);
    if (needle) list = list.filter((v) => `${v.tile.workstation ?? ''} ${v.tile.code}`.toLowerCase().replace(/-/g, '').includes(needle));
    const byWorkstation = (a: TileView, b: TileView) => compareWorkstations(a.tile.workstation, b.tile.workstation) || (a.tile.code < b.tile.code ? -1 : 1);
    const order: Record<SortOrder, (a: TileView, b: TileView) => number> = {
      problems: (a, b) => b.score - a.score || byWorkstation(a, b),
      workstation: byWorkstation,
      code: (a, b) => (a.tile.code < b.tile.code ? -1 : a.tile.code > b.tile.code ? 1 : 0),
      timeLeft: (a, b) => a.timeLeftMs - b.timeLeftMs || byWorkstation(a, b),
      words: (a, b) => a.words - b.words || byWorkstation(a, b),
    };
    return list.sort(order[sort]);
  }

  /** The messages as a list, the same array until one changes (so panels re-render only then). */
  get messageList(): MessageSummary[] {
    if (this.listedMessages !== this.messages) {
      this.listedMessages = this.messages;
      this.messageArray = [...this.messages.values()];
    }
    return this.messageArray;
  }

  private listedMessages: Map<number, MessageSummary> | null = null;
  private messageArray: MessageSummary[] = [];

  private addFeed(item: FeedItem): void {
    // In time order, as the snapshot gives them: a proctor's action and a kiosk event reach the
    // dashboard by different paths, and a line written a second earlier can arrive after a later
    // one. It goes in its place (nearly always the end), so the feed never reads backwards.
    const feed = this.feed.slice(-(FEED_LIMIT - 1));
    let place = feed.length;
    while (place > 0 && feed[place - 1]!.at > item.at) place--;
    feed.splice(place, 0, item);
    this.feed = feed;
    // A kiosk event (ids "s…" are supervision events) counts on its candidate's tile.
    if (item.id.startsWith('s') && item.candidateId !== null) {
      this.update(item.candidateId, (t) => ({ ...t, events: { ...t.events, [item.kind]: (t.events[item.kind] ?? 0) + 1 }, lastEvent: { kind: item.kind, at: item.at } }));
    }
  }

  private update(candidateId: number, change: (tile: CandidateTile) => CandidateTile): void {
    const tile = this.tiles.get(candidateId);
    if (tile) this.tiles.set(candidateId, change(tile));
  }
}
