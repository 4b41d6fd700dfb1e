/**
 * How every browser run of the project starts Chromium: Debian's own (never a downloaded one),
 * headless, with the flags this kind of machine needs (no sandbox as root, no GPU, and none of
 * Chromium's background connections, which a closed network refuses many times a start).
 * The browser tests (playwright.config.ts) and the measure scripts share it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launch options for Playwright's `chromium.launch`. */
export const chromiumLaunch = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
