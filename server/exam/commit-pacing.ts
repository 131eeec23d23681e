// How often the answer writer commits when saves come fast (issue 15, item 2).
//
// Each commit costs the writer a write of the WAL and an fsync, whatever the number of saves in
// it. The writer used to commit as soon as the previous commit was answered: 5,000 candidates
// (2,500 saves a second) made 600-800 commits a second of 3 or 4 saves each, and the writer and
// checkpointer threads were most of the server's CPU beyond the ceiling's. Now, while more than
// FAST_SAVES_PER_S saves a second arrive, a commit starts at least MIN_COMMIT_PERIOD_MS after the
// previous one started; the saves arriving meanwhile join the next batch. Measured on the 2-core
// machine (docs/performance.md, 2026-12-03 12:15-13:10 UTC): less CPU at 3,000-5,000 saves/s in 6
// of 8 alternated pairs; in the whole bench, 5,000 candidates took 51-54 % of CPU instead of
// 67-72 %, at an ack p99 of 46-47 ms but a median of 7.3-7.6 ms, as a save may wait for the batch
// being paced and then for its own. Below the rate (1,000 candidates save 500 times a second)
// nothing waits: a save's latency is then the commit's alone.
//
// The pause happens in the writer's own thread (answer-writer.ts), never in the event loop: a
// timer there fired late behind busy turns and lost more than the commits saved (tried
// 2026-12-02, docs/performance.md, "Gathering saves for 3 ms between batches").

/** The shortest time between two commits' starts while saves come fast. */
export const MIN_COMMIT_PERIOD_MS = 4;
/** Above this arrival rate the commits are paced; below it each batch commits at once. */
export const FAST_SAVES_PER_S = 2_000;
/** The arrival rate is measured over windows of this length. */
const RATE_WINDOW_MS = 250;

export class CommitPacer {
  private lastStart = Number.NEGATIVE_INFINITY;
  private windowStart = 0;
  private windowSaves = 0;
  private savesPerS = 0;

  constructor(
    private readonly minPeriodMs = MIN_COMMIT_PERIOD_MS,
    private readonly fastSavesPerS = FAST_SAVES_PER_S,
  ) {}

  /** A batch of `saves` arrived at `now` (ms, monotonic): how long to wait before committing it. */
  waitBefore(saves: number, now: number): number {
    this.windowSaves += saves;
    const elapsed = now - this.windowStart;
    if (elapsed >= RATE_WINDOW_MS) {
      this.savesPerS = (this.windowSaves * 1000) / elapsed;
      this.windowStart = now;
      this.windowSaves = 0;
    }
    if (this.savesPerS < this.fastSavesPerS) return 0;
    return Math.max(0, this.minPeriodMs - (now - this.lastStart));
  }

  /** The commit started at `now` (after any wait). */
  started(now: number): void {
    this.lastStart = now;
  }
}
