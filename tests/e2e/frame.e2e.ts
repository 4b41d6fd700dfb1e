/**
 * Click-jacking on a host that sends no frame-ancestors header (GitHub Pages): a page of the site
 * framed by another site hides everything but one link that opens it in its own window, so
 * nothing ("Replace my list", "Add to my list") can be clicked through an invisible frame.
 * Unframed, the page shows no trace of the guard.
 */
import { test, expect } from './fixtures';

test('a page framed by another site hides itself and offers to open in its own window', async ({ page, baseURL }) => {
  // The framing page is about:blank: another origin from the site's.
  await page.setContent(`<iframe src="${baseURL}/list/" width="800" height="600" title="framed"></iframe>`);
  const frame = page.frameLocator('iframe');
  const open = frame.getByRole('link', { name: 'Open it in its own window' });
  await expect(open).toBeVisible();
  await expect(open).toHaveAttribute('target', '_top');
  await expect(frame.locator('main')).toBeHidden();
  await expect(frame.locator('header').first()).toBeHidden();
});

test('an ordinary visit shows no frame guard', async ({ page }) => {
  await page.goto('/list/');
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByText('This page is being shown inside another website.')).toBeHidden();
});
