import { describe, expect, it } from 'vitest';
import { areaName, areaWide, wholeArea, wholeAreaName } from '../../../src/lib/book/area';
import { siteSchema } from '../../../src/schema/site';
import { loadSite } from '../../../src/server/content-files';
import { join } from 'node:path';

const FORK = join(__dirname, '../../fixtures/fork-book');

describe('the words for the whole area', () => {
  it("come from site.yaml's place and area word", () => {
    const site = loadSite(FORK);
    expect(wholeAreaName(site.place)).toBe('All of Kestrel Vale district');
    expect(areaWide(site.area)).toBe('District-wide');
    expect(wholeArea(site.area)).toBe('the whole district');
    expect(areaName('borough-wide', site.place, new Map())).toBe('All of Kestrel Vale district');
    expect(areaWide(' County ')).toBe('County-wide');
  });

  it('default to "area", and refuse what is not a word', () => {
    const { area: _area, ...rest } = loadSite(FORK);
    void _area;
    expect(siteSchema.parse(rest).area).toBe('area');
    expect(siteSchema.safeParse({ ...rest, area: 'Borough <b>' }).success).toBe(false);
  });
});
