import { describe, expect, it } from 'vitest';
import {
  ESCAPE_WINDOW_MS,
  NEUTRAL_SITE,
  escapeCounter,
  wireExitThisPage,
} from '../../../src/lib/safety/exit-this-page';
import { toListEntry } from '../../../src/lib/list/data';
import { makeEntrySchema } from '../../../src/schema';

describe('Escape twice', () => {
  it('leaves on the second Escape within the window, not on one, not on other keys, not when slow', () => {
    const second = escapeCounter();
    expect(second('Escape', 0)).toBe(false);
    expect(second('Escape', ESCAPE_WINDOW_MS - 1)).toBe(true);
    // After leaving it starts again: a third press is a first press.
    expect(second('Escape', ESCAPE_WINDOW_MS)).toBe(false);
    expect(second('Escape', 3 * ESCAPE_WINDOW_MS)).toBe(false);
    expect(second('Enter', 3 * ESCAPE_WINDOW_MS + 10)).toBe(false);
    expect(second('Escape', 3 * ESCAPE_WINDOW_MS + 20)).toBe(true);
  });
});

/** Just enough of a document to wire the link: events, body.style and location.replace. */
function fakePage() {
  const visits: string[] = [];
  const doc = Object.assign(new EventTarget(), {
    body: { style: { visibility: '' } },
    defaultView: { location: { replace: (url: string) => visits.push(url) } },
  });
  const link = Object.assign(new EventTarget(), { href: NEUTRAL_SITE });
  const key = (k: string) => doc.dispatchEvent(Object.assign(new Event('keydown'), { key: k }));
  return { doc, link, visits, key };
}

describe('wireExitThisPage', () => {
  it('leaves by the link, hiding the page and replacing the visit in the history', () => {
    const { doc, link, visits } = fakePage();
    wireExitThisPage(link as unknown as HTMLAnchorElement, doc as unknown as Document);
    const click = new Event('click', { cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(doc.body.style.visibility).toBe('hidden');
    expect(visits).toEqual([NEUTRAL_SITE]);
  });
  it('leaves on Escape twice, and not once unwired', () => {
    const page = fakePage();
    const unwire = wireExitThisPage(page.link as unknown as HTMLAnchorElement, page.doc as unknown as Document);
    page.key('Escape');
    expect(page.visits).toEqual([]);
    page.key('Escape');
    expect(page.visits).toEqual([NEUTRAL_SITE]);
    unwire();
    page.key('Escape');
    page.key('Escape');
    page.link.dispatchEvent(new Event('click'));
    expect(page.visits).toEqual([NEUTRAL_SITE]);
  });
});

describe('list entries', () => {
  const schema = makeEntrySchema({
    bounds: [
      [53.42, -2.76],
      [53.63, -2.4],
    ],
    categoryIds: new Set(['domestic-abuse']),
    neighbourhoodIds: new Set(['leigh']),
  });
  const data = schema.parse({
    name: 'Safe at Home',
    summary: 'Support.',
    categories: ['domestic-abuse'],
    neighbourhoods: ['leigh'],
    join: ['self-referral'],
    delivery: ['phone'],
    contacts: [{ phone: '01942 000000' }],
    last_verified: '2026-03-01',
  });
  it('carry the sensitive mark only when the entry is sensitive', () => {
    expect(toListEntry('safe-at-home', data, { sensitive: true }).sensitive).toBe(true);
    expect(toListEntry('safe-at-home', data)).not.toHaveProperty('sensitive');
  });
});
