import { describe, expect, it } from 'vitest';
import { isSearchBundleFolder, memberPath, memberPlan, type MemberFolder } from '../../../src/lib/region/members';
import {
  duplicateRecordProblems,
  memberAddressProblem,
  unionFeed,
  type MemberFeed,
} from '../../../src/lib/region/feed';
import { regionSummary } from '../../../src/lib/region/summary';
import { taxonomyDocument } from '../../../src/lib/exports/taxonomies';

const member = { id: 'wigan', name: 'Wigan Community Book', url: 'https://wigan.example.org', path: '../wigan/dist' };

/** A built site as a list of its files (folders implied). */
function folder(files: string[]): MemberFolder {
  return {
    kind: (p) => (files.includes(p) ? 'file' : files.some((f) => f.startsWith(`${p}/`)) ? 'folder' : undefined),
    names: () => [...new Set(files.map((f) => f.split('/')[0]))],
  };
}
const BUILT = [
  'index.html',
  'pagefind/pagefind.js',
  'pagefind-2/pagefind.js',
  'pagefind-10/pagefind.js',
  'pagefind-x/a',
  'pagefind-1/a',
  'map/venues.json',
  'open-data/venues.geojson',
  'list-data/index.json',
  'search/words.txt',
  'openreferral/index.html',
  'openreferral/services/index.html',
  'openreferral/service_at_locations/index.html',
  'openreferral/taxonomies/index.html',
  'openreferral/taxonomy_terms/index.html',
];

describe('what a region takes from a member (src/lib/region/members.ts)', () => {
  it('copies the search bundle in all its parts, the map data, the venues and the feed', () => {
    const plan = memberPlan(member, folder(BUILT));
    expect(plan.problems).toEqual([]);
    expect(plan.copy).toEqual([
      'pagefind',
      'pagefind-2',
      'pagefind-10',
      'map/venues.json',
      'open-data/venues.geojson',
      'openreferral',
    ]);
    expect(memberPath('wigan', 'map/venues.json')).toBe('members/wigan/map/venues.json');
    expect(['pagefind', 'pagefind-2', 'pagefind-1', 'pagefind-02', 'pagefinder'].map(isSearchBundleFolder)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('names the member, the missing file and what to do, for every file missing', () => {
    const plan = memberPlan(
      member,
      folder(BUILT.filter((f) => f !== 'map/venues.json' && !f.startsWith('pagefind/'))),
      '/srv/wigan/dist',
    );
    expect(plan.copy).toEqual([]);
    expect(plan.problems).toEqual([
      'Member "wigan" (Wigan Community Book): its built site in ../wigan/dist (/srv/wigan/dist) has no search bundle (pagefind/). Fix: build the member book again (npm run build) into that folder, or point path: at the folder that holds its built site.',
      expect.stringMatching(/^Member "wigan" .* has no map\/venues\.json\. Fix: /),
    ]);
    const noFeed = memberPlan(member, folder(BUILT.filter((f) => !f.startsWith('openreferral/taxonomies'))));
    expect(noFeed.problems).toEqual([expect.stringMatching(/has no openreferral\/taxonomies\/index\.html\. Fix: /)]);
  });

  it('fails a member without a path or whose folder is not there, never skipping it', () => {
    const { path: _path, ...online } = member;
    expect(memberPlan(online, undefined).problems).toEqual([
      expect.stringMatching(
        /^Member "wigan" \(Wigan Community Book\) has no path in region\.yaml\..*https:\/\/wigan\.example\.org.* Fix: build the member book/,
      ),
    ]);
    expect(memberPlan(member, undefined, '/srv/wigan/dist').problems).toEqual([
      'Member "wigan" (Wigan Community Book): its folder ../wigan/dist (/srv/wigan/dist) does not exist. Fix: build the member book into that folder, or correct its path: in region.yaml.',
    ]);
  });
});

/** A member's feed: services and links by id, its own category taxonomy, and the shared LGA list. */
function feed(id: string, services: string[], lga = true): MemberFeed {
  const list = (contents: object[]) => ({ total_items: contents.length, total_pages: 1, contents });
  const taxonomies = [{ id: `${id}-cats`, name: `${id} categories` }, ...(lga ? [{ id: 'lga', name: 'LGA' }] : [])];
  const terms = [
    { id: `${id}-food`, taxonomy_id: `${id}-cats`, code: 'food' },
    ...(lga ? [{ id: 'lga-298', taxonomy_id: 'lga', code: '298' }] : []),
  ];
  return {
    id,
    lists: {
      services: list(services.map((s) => ({ id: s, name: s }))),
      service_at_locations: list(services.map((s) => ({ id: `${s}-at-0`, service_id: s }))),
      taxonomies: list(taxonomies),
      taxonomy_terms: list(terms),
    },
    records: {
      services: ['index.html', ...services.flatMap((s) => [s, `${s}.json`]), `${id}-closed`],
      service_at_locations: ['index.html', ...services.map((s) => `${s}-at-0`)],
    },
  };
}
const SITE = {
  title: 'Greater Example',
  description: 'Every borough.',
  publisher: 'The region',
  corrections_email: 'a@example.org',
  url: 'https://region.example.org',
};

describe('the region’s union feed (src/lib/region/feed.ts)', () => {
  const a = feed('a', ['s1', 's2']);
  const b = feed('b', ['s3']);
  const { files, copies } = unionFeed([a, b], SITE);
  const doc = (path: string) => JSON.parse(files.find((f) => f.path === path)!.body) as Record<string, unknown>;

  it('lists every member’s services and links, member by member, ids unchanged, on one page', () => {
    const services = doc('openreferral/services/index.html');
    expect((services.contents as { id: string }[]).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(services).toMatchObject({ total_items: 3, total_pages: 1, page_number: 1, size: 3, empty: false });
    expect(doc('openreferral/services.json')).toEqual(services);
    const links = doc('openreferral/service_at_locations/index.html').contents as { id: string }[];
    expect(links.map((l) => l.id)).toEqual(['s1-at-0', 's2-at-0', 's3-at-0']);
  });

  it('holds each member’s own taxonomy and the shared LGA list once, each with its terms', () => {
    const taxonomies = (doc('openreferral/taxonomies/index.html').contents as { id: string }[]).map((t) => t.id);
    expect(taxonomies).toEqual(['a-cats', 'lga', 'b-cats']);
    const terms = (doc('openreferral/taxonomy_terms/index.html').contents as { id: string }[]).map((t) => t.id);
    expect(terms).toEqual(['a-food', 'lga-298', 'b-food']);
    expect(doc('openreferral/taxonomies/lga')).toEqual(
      taxonomyDocument({ id: 'lga', name: 'LGA' }, [{ id: 'lga-298', taxonomy_id: 'lga', code: '298' }]),
    );
    expect(doc('openreferral/taxonomy_terms/b-food')).toEqual({ id: 'b-food', taxonomy_id: 'b-cats', code: 'food' });
  });

  it('describes the region at GET /, and copies every member’s records, closed ones too, but not the lists', () => {
    expect(doc('openreferral/index.html')).toMatchObject({
      version: '3.0',
      publisher: { name: 'The region', website: 'https://region.example.org' },
    });
    expect(doc('openreferral/index.json')).toEqual(doc('openreferral/index.html'));
    expect(copies).toContainEqual({ memberId: 'a', path: 'openreferral/services/s1' });
    expect(copies).toContainEqual({ memberId: 'a', path: 'openreferral/services/s1.json' });
    expect(copies).toContainEqual({ memberId: 'a', path: 'openreferral/services/a-closed' });
    expect(copies).toContainEqual({ memberId: 'b', path: 'openreferral/service_at_locations/s3-at-0' });
    expect(copies.filter((c) => c.path.endsWith('index.html'))).toEqual([]);
    expect(copies).toHaveLength(2 * 2 + 1 + 2 + (2 + 1 + 1));
  });

  it('fails when two members publish the same service id, naming both and the fix', () => {
    const again = { ...feed('a', ['s1', 's2']), id: 'a-again' };
    expect(duplicateRecordProblems([a, b])).toEqual([]);
    expect(duplicateRecordProblems([a, b, again])).toEqual([
      expect.stringMatching(
        /^Members "a" and "a-again" publish the same service ids \(3, e\.g\. s1\): .*same book listed twice\. Fix: /,
      ),
      expect.stringMatching(
        /^Members "a" and "a-again" publish the same service-at-location ids \(2, e\.g\. s1-at-0\)/,
      ),
    ]);
    expect(() => unionFeed([a, again], SITE)).toThrow(/Members "a" and "a-again" publish the same service ids/);
  });

  it('refuses a member whose list is not an Open Referral list', () => {
    const broken = { ...b, lists: { ...b.lists, services: { items: [] } } };
    expect(() => unionFeed([a, broken], SITE)).toThrow(/Member "b": its openreferral\/services\/index\.html is not/);
  });
});

describe('a member’s address (src/lib/region/feed.ts memberAddressProblem)', () => {
  const index = (website: unknown) => ({ version: '3.0', publisher: { name: 'x', website } });

  it('accepts the feed of the book at region.yaml’s address, however the address is written', () => {
    expect(memberAddressProblem(member, index('https://wigan.example.org'))).toBeUndefined();
    expect(memberAddressProblem(member, index('HTTPS://Wigan.example.org/'))).toBeUndefined();
  });

  it('refuses a feed built for another address, or one that does not say, naming the member and the fix', () => {
    expect(memberAddressProblem(member, index('https://bolton.example.org'))).toBe(
      'Member "wigan": region.yaml gives its address as https://wigan.example.org, but its feed was built for https://bolton.example.org (its site.yaml url). Fix: correct url: in region.yaml, or, if the book has moved, build it again with its new url.',
    );
    expect(memberAddressProblem(member, index('https://wigan.example.org/other'))).toMatch(/built for .*\/other/);
    for (const bad of [{}, null, index(42), index('not an address')])
      expect(memberAddressProblem(member, bad)).toMatch(
        /^Member "wigan": its openreferral\/index\.html does not say which address it was built for\. Fix: /,
      );
  });
});

describe('region.json (src/lib/region/summary.ts)', () => {
  it('lists the members in region.yaml’s order with their services, and the total', () => {
    const other = { id: 'bolton', name: 'Bolton', url: 'https://bolton.example.org' };
    expect(regionSummary([member, other], new Map([['wigan', 3]]), '2026-11-01')).toEqual({
      built: '2026-11-01',
      services: 3,
      members: [
        {
          id: 'wigan',
          name: 'Wigan Community Book',
          url: 'https://wigan.example.org',
          path: '/members/wigan/',
          services: 3,
        },
        { id: 'bolton', name: 'Bolton', url: 'https://bolton.example.org', path: '/members/bolton/', services: 0 },
      ],
    });
  });
});
