/**
 * Shared browser-test setup: every request that leaves the local server (map tiles above all)
 * is blocked, and counted so tests can assert that nothing was sent elsewhere; and every page of
 * every test fails it if the browser reports a Content-Security-Policy violation (a script, style
 * or request the page's policy refuses), so the policy is checked on every path the tests walk,
 * or an uncaught error (an exception or a rejected promise nobody handled) in the page.
 * The tests' own process has the English messages set, as the unit tests do, so a test can work
 * out the words a page should show with the same pure modules (labels, dates, schedules).
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import '../helpers/messages-setup';

export const test = base.extend<{ external: string[] }>({
  external: async ({ context }, use) => {
    const external: string[] = [];
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => {
        external.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    await use(external);
  },
  page: async ({ page, external }, use) => {
    void external; // make sure the routes are in place before the page is used
    const violations: string[] = [];
    // An uncaught error or rejected promise in the page is a bug even when the test's own steps pass.
    const errors: string[] = [];
    page.on('pageerror', (e) => void errors.push(`${e.name}: ${e.message}`));
    await page.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
        report(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} on ${e.documentURI}${e.sample ? `: ${e.sample}` : ''}`,
        );
      });
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
export { expect };

/**
 * Waits until every stylesheet the page links has loaded. A page measured before that (its layout,
 * or by axe) is measured unstyled: a browser does not paint it so, but a test can read its layout.
 */
export async function stylesLoaded(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].every((l) => l.sheet !== null),
  );
}

/**
 * axe-core with the WCAG 2.2 A and AA rules; returns the violations (empty when clean). It runs
 * once every stylesheet the page links has loaded: measured before that, a page is judged
 * unstyled (the target sizes of bare links).
 */
export async function axe(page: Page) {
  await stylesLoaded(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}
