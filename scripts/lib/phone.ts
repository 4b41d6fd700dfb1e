/**
 * The phone profile of the measurement scripts (`--phone`): a mid-range phone on a slow mobile
 * connection, as Lighthouse's mobile preset has it. A 412×823 screen with touch, the CPU slowed
 * 4×, and 1.6 Mbps down, 750 kbps up, 150 ms round trip. Used in a fresh context per run, so the
 * cache is cold.
 */
import type { BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

export const PHONE_CONTEXT: BrowserContextOptions = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
};

export const PHONE_NETWORK = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };
export const PHONE_CPU_SLOWDOWN = 4;

/** Slows `page`'s CPU and network to the phone profile (Chromium's DevTools protocol). */
export async function emulatePhone(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_NETWORK.latencyMs,
    downloadThroughput: (PHONE_NETWORK.downloadKbps * 1000) / 8,
    uploadThroughput: (PHONE_NETWORK.uploadKbps * 1000) / 8,
  });
}
