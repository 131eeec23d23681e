// The exam's screens load once, in the background, and again after a failed load (issue 15, item 4:
// the login screen does not wait for them; exam-screens-loader.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExamScreensLoader } from '../../../client/kiosk/exam-screens-loader.js';

afterEach(() => vi.useRealTimers());

describe('the exam screens loader', () => {
  it('loads once however often it is started, and says when the screens are ready', async () => {
    let resolve = () => {};
    const load = vi.fn(() => new Promise<void>((r) => (resolve = r)));
    const ready = vi.fn();
    const loader = new ExamScreensLoader({ ready, load });
    expect(loader.ready).toBe(false);
    loader.start();
    loader.start();
    loader.startWhenIdle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(loader.ready).toBe(false);
    resolve();
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(loader.ready).toBe(true);
    loader.start();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries a failed load again after its pause, not before, and warns once per failure', async () => {
    vi.useFakeTimers();
    const outcomes = [Promise.reject(new Error('network')), Promise.resolve()];
    const load = vi.fn(() => outcomes.shift()!);
    const warn = vi.fn();
    const ready = vi.fn();
    const loader = new ExamScreensLoader({ ready, load, warn, retryMs: 3000 });
    loader.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/did not load.*network/);
    expect(loader.ready).toBe(false);
    await vi.advanceTimersByTimeAsync(2999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(loader.ready).toBe(true);
  });

  it('stops trying once its page is gone', async () => {
    vi.useFakeTimers();
    const load = vi.fn(() => Promise.reject(new Error('network')));
    const loader = new ExamScreensLoader({ ready: () => undefined, load, warn: () => undefined, retryMs: 100 });
    loader.start();
    await vi.advanceTimersByTimeAsync(0);
    loader.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('waits for the browser to be idle when asked to', async () => {
    vi.useFakeTimers();
    const load = vi.fn(() => Promise.resolve());
    const loader = new ExamScreensLoader({ ready: () => undefined, load });
    loader.startWhenIdle();
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
