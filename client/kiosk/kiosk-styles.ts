import { css } from 'lit';

/** The kiosk's frame: the skip link, the status bar kept in view, and the exam filling the screen on wide displays. */
export const kioskStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -10rem;
    z-index: 200;
    padding: 0.75rem 1rem;
    background: var(--lectern-accent, #1f3a5f);
    color: var(--lectern-accent-text, #fff);
    font-weight: 700;
    border-radius: 0.25rem;
  }
  .skip:focus-visible {
    top: 0.5rem;
  }
  .layout {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .layout > lectern-status-bar {
    position: sticky;
    top: 0;
    z-index: 10;
  }
  main {
    flex: 1 1 auto;
    min-height: 0;
  }
  @media (min-width: 64rem) {
    .layout.exam {
      height: 100vh;
    }
    .layout.exam > lectern-status-bar {
      position: static;
    }
    .layout.exam lectern-exam {
      height: 100%;
    }
  }
  .centered {
    max-width: 40rem;
    margin: 0 auto;
    padding: 3rem 1rem;
  }
`;

/**
 * A one-line message across the kiosk with its action at the end (the status bar's banners, the
 * clock notice): large bold text that wraps, the button kept small. Each adds its colours.
 */
export const kioskBannerStyles = css`
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    font-weight: 700;
    font-size: 1.125rem;
  }
  .banner button {
    min-height: 2.25rem;
    padding: 0.125rem 0.75rem;
  }
`;
