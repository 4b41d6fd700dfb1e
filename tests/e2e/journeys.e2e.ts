/**
 * The key worker's and the resident's journeys (issue 17), in Chromium on the sample book, with
 * the clock fixed where the answer depends on it: filters that combine as a person means them,
 * cost bands, closures, "on today" and "this week", quick exit, a phone screen, map and list
 * both ways, facts that travel with the list, and a warm handover that stores nothing.
 * Expected results come from the front matter (./book.ts), never from numbers written here.
 */
import { test, expect, axe } from './fixtures';
import { book, byId, entries, facetsOf, site } from './book';
import { countText, resultIds, settled } from './search-page';
import { parseQuery, toQuery } from '../../src/lib/filters/state';
import { matchesFacets } from '../../src/lib/filters/facets';
import { bookFacetValues } from '../../src/lib/filters/registry';
import { facetBook } from '../../src/lib/book/book';
import { firstMeeting, meetsDuring, meetsOn, planWhen } from '../../src/lib/schedule/when';
import { nextSessions } from '../../src/lib/schedule/sessions';
import { formatDateLong } from '../../src/lib/calendar/words';
import { londonDate } from '../../src/lib/calendar/london';
import { sensitiveTerms } from '../../src/lib/safety/sensitive';

const allowed = bookFacetValues(facetBook(book));
const holidays = site.bank_holidays;
/** Tuesday 1 December 2026, 7pm in London (winter: London is on UTC). */
const EVENING = new Date('2026-12-01T19:00:00Z');

const matching = (query: string) => {
  const state = parseQuery(query, allowed);
  return entries.filter((e) => matchesFacets(facetsOf(e.data), state));
};

test.describe('filters combine the way a person means them', () => {
  test('accessibility features: every result has all the ticked ones, and the counts say what ticking gives', async ({
    page,
  }) => {
    const query = 'access=step-free&access=accessible-toilet';
    const expected = matching(query);
    const either = entries.filter((e) =>
      ['step-free', 'accessible-toilet'].some((a) => facetsOf(e.data).access.includes(a)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(either.length); // AND narrows where OR would widen
    await page.goto(`/search/?${query}`);
    await settled(page);
    await expect(page.locator('#search-results-heading')).toHaveText(countText(expected.length));
    for (const id of await resultIds(page)) {
      const access = byId.get(id)!.data.accessibility;
      expect(access, id).toContain('step-free');
      expect(access, id).toContain('accessible-toilet');
    }
    // The legend says how they combine, and the count beside one more feature is the AND count.
    const group = page.locator('.search-group', { has: page.locator('summary', { hasText: 'Accessibility' }) });
    await expect(group).toHaveAttribute('open', '');
    await expect(group).toContainText('Has all of these');
    const withParking = matching(`${query}&access=parking`).length;
    await expect(group.getByRole('checkbox', { name: /^Parking/ })).toHaveAccessibleName(`Parking (${withParking})`);
    await expect(
      page.locator('.search-group', { has: page.locator('summary', { hasText: 'Day of the week' }) }),
    ).toContainText('Any of these');
  });

  test('cost bands: "Up to £3" holds the free, the cheap and the pay-what-you-can groups, on search and map', async ({
    page,
  }) => {
    const [, low] = allowed.cost;
    const query = `cost=${low}`;
    const expected = matching(query);
    const edge = site.cost_bands[0];
    for (const e of entries) {
      const c = e.data.cost;
      const inBand =
        !!c && (!!c.free || !!c.pay_what_you_can || Math.min(...(c.amounts ?? []).map((a) => a.amount)) <= edge);
      expect(expected.includes(e), e.id).toBe(inBand);
    }
    expect(expected.some((e) => e.data.cost?.pay_what_you_can)).toBe(true);
    await page.goto('/search/');
    await page.locator('.search-group > summary', { hasText: 'Cost' }).click();
    await page.getByRole('radio', { name: new RegExp(`^Up to £${edge}`) }).check();
    await settled(page);
    await expect(page).toHaveURL(`/search/?${query}`);
    await expect(page.locator('#search-results-heading')).toHaveText(countText(expected.length));
    // The map reads the same registry and the same band edges.
    await page.goto(`/map/?${query}`);
    await expect(page.locator('.map-app[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
    const onMap = expected.filter((e) => e.data.venues.length > 0).length;
    await expect(page.locator('.map-summary')).toContainText(`for ${onMap} group`);
  });
});

test.describe('closed for now means no next dates anywhere', () => {
  const closed = entries.find(
    (e) => e.data.status === 'temporarily-closed' && !e.data.reopens && e.data.schedules.length && e.data.venues.length,
  )!;
  const reopening = entries.find((e) => e.data.status === 'temporarily-closed' && e.data.reopens)!;

  test('a temporarily closed group shows no next dates on its page, card, popup, list, texts and printed plan', async ({
    page,
  }) => {
    expect(closed, 'the sample book has a temporarily closed group with a timetable').toBeDefined();
    await page.clock.setSystemTime(EVENING);
    await page.goto(`/entries/${closed.id}/`);
    await expect(page.locator('main')).toContainText('Temporarily closed');
    await expect(page.locator('.next-dates li')).toHaveCount(0);

    await page.goto(`/search/?q=${encodeURIComponent(closed.data.name)}`);
    await settled(page);
    const card = page.locator(`.search-card[data-entry-id="${closed.id}"]`);
    await expect(card).toContainText('Temporarily closed');
    await expect(card).not.toContainText('Next:');

    await page.goto(`/map/?entry=${closed.id}`);
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toContainText('Temporarily closed');
    await expect(popup).not.toContainText('Next:');

    await page.goto(`/list/#ids=${closed.id}`);
    const item = page.locator('.my-list__items > li').first();
    await expect(item).toContainText('Temporarily closed');
    await expect(item).not.toContainText('Next dates');
    await page.locator('.my-list__texts > summary').click();
    await expect(page.locator('#full-text')).toHaveValue(/Temporarily closed\./);
    await expect(page.locator('#full-text')).not.toHaveValue(/Next dates/);
    await expect(page.locator('#short-text')).toHaveValue(/\(temporarily closed/);
    await page.emulateMedia({ media: 'print' });
    await expect(item).toBeVisible();
    await expect(item).not.toContainText('Next dates');
  });

  test('"reopens" moves the next dates to the day it opens again, and the page says so', async ({ page }) => {
    const d = reopening.data;
    await page.clock.setSystemTime(EVENING);
    await page.goto(`/entries/${reopening.id}/`);
    await expect(page.locator('main')).toContainText(`Reopens on ${formatDateLong(d.reopens!)}`);
    const first = nextSessions(d, d.schedules, EVENING, 1, holidays)[0];
    expect(first.date >= d.reopens!).toBe(true);
    await expect(page.locator('.next-dates li').first()).toContainText(formatDateLong(first.date));
    // Not in "this week" while it is closed.
    await page.goto(`/search/?when=week&q=${encodeURIComponent(d.name)}`);
    await settled(page);
    expect(await resultIds(page)).not.toContain(reopening.id);
  });
});

test.describe('"on today" and "this week"', () => {
  test('"on today" at 7pm lists only what is still to come, soonest first, under "On today, Tuesday 1 December"', async ({
    page,
  }) => {
    await page.clock.setFixedTime(EVENING);
    const today = londonDate(EVENING);
    const expected = entries.filter((e) => meetsOn(e.data, e.data.schedules, today, EVENING, holidays));
    const endedToday = entries.filter(
      (e) =>
        e.data.status === 'active' &&
        e.data.schedules.some((s) => s.kind === 'weekly' && s.days.includes('tue')) &&
        !expected.includes(e),
    );
    expect(expected.length).toBeGreaterThan(0);
    await page.goto('/search/?when=today');
    await settled(page);
    await expect(page.locator('#search-results-heading')).toHaveText(countText(expected.length));
    await expect(page.locator('.search-day__heading')).toHaveText(['On today, Tuesday 1 December']);
    const ids = await resultIds(page);
    expect(ids.sort()).toEqual(expected.map((e) => e.id).sort());
    const shown = await resultIds(page);
    const starts = shown.map((id) =>
      nextSessions(byId.get(id)!.data, byId.get(id)!.data.schedules, EVENING, 1, holidays)[0].startsAt.getTime(),
    );
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const e of endedToday) expect(shown).not.toContain(e.id);
  });

  test('"this week" is one list per day, in date order, each group under the first day it meets', async ({ page }) => {
    await page.clock.setFixedTime(EVENING);
    const plan = planWhen('week', EVENING, holidays);
    const need = book.categories.find((c) => {
      const n = matching(`category=${c.id}`).filter((e) => meetsDuring(e.data, e.data.schedules, plan)).length;
      return n >= 4 && n <= 20;
    })!;
    const expected = matching(`category=${need.id}`).filter((e) => meetsDuring(e.data, e.data.schedules, plan));
    await page.goto(`/search/?category=${need.id}&when=week`);
    await settled(page);
    await expect(page.locator('#search-results-heading')).toHaveText(countText(expected.length));
    const days = await page.locator('.search-day').evaluateAll((ds) =>
      ds.map((d) => ({
        heading: d.querySelector('h3')!.textContent!,
        ids: [...d.querySelectorAll('.search-card')].map((c) => c.getAttribute('data-entry-id')!),
      })),
    );
    const wanted = plan.dates.filter((date) =>
      expected.some((e) => firstMeeting(e.data, e.data.schedules, plan) === date),
    );
    expect(days.map((d) => d.heading)).toEqual(
      wanted.map((date) =>
        date === plan.dates[0]
          ? `Today, ${formatDateLong(date).replace(/ \d{4}$/, '')}`
          : date === plan.dates[1]
            ? `Tomorrow, ${formatDateLong(date).replace(/ \d{4}$/, '')}`
            : formatDateLong(date).replace(/ \d{4}$/, ''),
      ),
    );
    days.forEach((d, i) => {
      for (const id of d.ids)
        expect(firstMeeting(byId.get(id)!.data, byId.get(id)!.data.schedules, plan), id).toBe(wanted[i]);
    });
  });
});

test.describe('quick exit and history', () => {
  const terms = sensitiveTerms(book.categories);

  test('a sensitive search and map view show "Exit this page", and Escape twice leaves', async ({ page, external }) => {
    const phrase = terms.phrases.find((p) => p.length === 2)!.join(' ');
    await page.goto('/search/?q=walking');
    await settled(page);
    await expect(page.getByRole('link', { name: /Exit this page/ })).toHaveCount(0);
    await page.goto(`/search/?q=${encodeURIComponent(phrase)}`);
    await expect(page.getByRole('link', { name: /Exit this page/ })).toBeVisible();
    await page.goto(`/map/?category=${terms.categories[0]}`);
    await expect(page.getByRole('link', { name: /Exit this page/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => external.some((u) => u.startsWith('https://www.bbc.co.uk/weather'))).toBe(true);
  });

  test('typing ten letters, even slowly, adds one history entry', async ({ page }) => {
    test.slow();
    await page.goto('/search/');
    await settled(page).catch(() => undefined);
    const before = await page.evaluate(() => history.length);
    await page.getByLabel('Search for a group or a need').pressSequentially('lunchclubs', { delay: 1200 });
    await expect(page).toHaveURL('/search/?q=lunchclubs');
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await page.goBack();
    await expect(page).toHaveURL('/search/');
  });
});

test.describe('a phone, 390 by 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the header takes at most a fifth of the screen, the first result is in the first screen, and "Show N results" is in reach', async ({
    page,
  }) => {
    await page.goto('/search/?q=lunch');
    await settled(page);
    const chrome = await page.evaluate(
      () =>
        document.querySelector('.site-header')!.getBoundingClientRect().height +
        (document.querySelector('.example-banner')?.getBoundingClientRect().height ?? 0),
    );
    expect(chrome).toBeLessThanOrEqual(844 * 0.2);
    const first = await page.locator('.search-card').first().boundingBox();
    expect(first!.y).toBeLessThan(844);

    await page.getByRole('button', { name: /^Filters/ }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    const show = sheet.getByRole('button', { name: /^Show / });
    await expect(show).toBeInViewport();
    await sheet.getByRole('checkbox', { name: /^Tuesday/ }).check();
    await expect(show).toHaveText(/^Show (\d+ results?|no results)$/);
    await expect(show).toBeInViewport();
    await show.click();
    await expect(sheet).toBeHidden();
    await expect(page.locator('#search-results-heading')).toBeFocused();
    const n = (await page.locator('#search-results-heading').textContent())!;
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(sheet.getByRole('button', { name: /^Show / })).toHaveText(`Show ${n.toLowerCase()}`);
    expect(await axe(page)).toEqual([]);
  });

  test('the banner can be put away for the visit', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Hide this message' }).click();
    await expect(page.locator('.example-banner')).toBeHidden();
    await page.goto('/a-z/');
    await expect(page.locator('.example-banner')).toBeHidden();
  });
});

test.describe('map and list, both ways', () => {
  test('"Show these on the map" keeps the search, and the map\'s list view comes back to it', async ({ page }) => {
    const query = 'q=walk&day=tue';
    await page.goto(`/search/?${query}`);
    await settled(page);
    const link = page.getByRole('link', { name: 'Show these on the map' });
    await expect(link).toHaveAttribute('href', `/map/?${toQuery(parseQuery(query, allowed))}`);
    await link.click();
    await expect(page.locator('.map-app[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
    await expect(page.getByRole('link', { name: 'List view of this search' })).toHaveAttribute(
      'href',
      `/search/?${toQuery(parseQuery(query, allowed))}`,
    );
  });

  test('at 320px the map comes first, and a popup fits without covering the zoom buttons', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    const target = entries.find((e) => e.data.venues.length && e.data.summary.length > 60)!;
    await page.goto(`/map/?entry=${target.id}`);
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    const frame = (await page.locator('.map-frame').boundingBox())!;
    const controls = (await page.locator('.map-filters').boundingBox())!;
    expect(frame.y).toBeLessThan(controls.y);
    await expect
      .poll(async () => {
        const p = (await popup.boundingBox())!;
        const z = (await page.locator('.leaflet-control-zoom').boundingBox())!;
        const inside =
          p.x >= frame.x &&
          p.y >= frame.y &&
          p.x + p.width <= frame.x + frame.width &&
          p.y + p.height <= frame.y + frame.height;
        const overZoom = p.x < z.x + z.width && p.y < z.y + z.height;
        return inside && !overZoom;
      })
      .toBe(true);
    await expect(popup.getByRole('button', { name: 'Close popup' })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('a warm handover', () => {
  test('opens a mailto: whose body holds what was typed, and keeps nothing anywhere', async ({ page }) => {
    const target = entries.find((e) => e.data.status === 'active' && e.data.contacts.some((c) => c.email))!;
    const requests: string[] = [];
    await page.goto(`/entries/${target.id}/`);
    // Every request the page makes from here (the mailto: link itself is the worker's own app, not a request).
    page.on('request', (r) => {
      if (/^https?:/.test(r.url())) requests.push(`${r.url()} ${r.postData() ?? ''}`);
    });
    await page.getByText('Introduce someone to this group').click();
    const form = page.locator('introduce-someone form');
    await form.getByRole('button', { name: /^Open my/ }).click();
    await expect(page.locator('introduce-someone .error-summary')).toContainText('Enter their first name');
    await form.getByLabel('Their first name').fill('Wilhelmina');
    await form.getByLabel('How the group can contact them').fill('07700 900999');
    await form.getByLabel('A note for the group (optional)').fill('Zebra crossing nearby please');
    await form.getByRole('button', { name: /^Open my/ }).click();
    await expect(page.locator('introduce-someone .error-summary')).toContainText('Tick the box');
    expect(await axe(page)).toEqual([]);
    await form.getByRole('checkbox', { name: /They have agreed/ }).check();
    if (await form.getByRole('radio').count()) await form.getByRole('radio').first().check();
    await form.getByRole('button', { name: /^Open my/ }).click();
    const again = page.getByRole('link', { name: 'open it again' });
    const href = (await again.getAttribute('href'))!;
    expect(href.startsWith('mailto:') || href.startsWith('sms:')).toBe(true);
    const body = decodeURIComponent(href.slice(href.indexOf('body=') + 5));
    for (const typed of ['Wilhelmina', '07700 900999', 'Zebra crossing nearby please']) expect(body).toContain(typed);
    expect(body).toContain('has agreed that I share these details with you');

    // Nothing typed is stored, in the address, or sent: not even a request after it was typed.
    await page.reload();
    const kept = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
      url: location.href,
    }));
    for (const place of Object.values(kept)) expect(place).not.toMatch(/Wilhelmina|900999|Zebra/);
    expect(requests.filter((r) => /Wilhelmina|900999|Zebra/.test(decodeURIComponent(r)))).toEqual([]);
    const caches = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await window.caches.keys())
        for (const r of await (await window.caches.open(name)).keys()) out.push(r.url);
      return out.join(' ');
    });
    expect(caches).not.toMatch(/Wilhelmina|900999|Zebra/);
  });

  test('is on the list page for each group, and axe finds nothing with it open', async ({ page }) => {
    const ids = entries
      .filter((e) => e.data.status !== 'closed')
      .slice(0, 2)
      .map((e) => e.id);
    await page.goto(`/list/#ids=${ids.join(',')}`);
    await expect(page.locator('introduce-someone')).toHaveCount(2);
    await page.locator('introduce-someone summary').first().click();
    await expect(page.locator('introduce-someone').first().getByLabel('Their first name')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
});

test('the changed pages do not scroll sideways at 320px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const url of ['/search/?when=week', '/map/', '/list/#ids=' + entries[0].id, `/entries/${entries[0].id}/`]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
  }
});
