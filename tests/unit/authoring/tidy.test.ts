import { describe, expect, it } from 'vitest';
import { tidyPostcode, tidyWebsite } from '../../../src/lib/authoring/tidy';
import { draftToInput, emptyDraft, emptyVenue, tidyDraft } from '../../../src/lib/authoring/entry-draft';

describe('tidying what a volunteer typed', () => {
  it('writes postcodes in capitals with one space before the last three characters', () => {
    expect(tidyPostcode('wn23an')).toBe('WN2 3AN');
    expect(tidyPostcode(' wn2   3an ')).toBe('WN2 3AN');
    expect(tidyPostcode('m11ae')).toBe('M1 1AE');
    expect(tidyPostcode('bl12ab')).toBe('BL1 2AB');
    expect(tidyPostcode('sw1a1aa')).toBe('SW1A 1AA');
    // Not a postcode's length: left for the validator, in capitals.
    expect(tidyPostcode('not a postcode')).toBe('NOT A POSTCODE');
  });

  it('gives www. and bare domains their https://, and leaves anything else for the validator', () => {
    expect(tidyWebsite('www.example.org')).toBe('https://www.example.org');
    expect(tidyWebsite(' example.org/group?x=1 ')).toBe('https://example.org/group?x=1');
    expect(tidyWebsite('http://example.org')).toBe('http://example.org');
    expect(tidyWebsite('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(tidyWebsite('not a web address')).toBe('not a web address');
    expect(tidyWebsite('')).toBe('');
  });

  it('the file written from a draft carries the tidied values; tidyDraft keeps an unchanged draft', () => {
    const d = emptyDraft('2026-12-01');
    d.website = 'www.example.org';
    d.venues = [{ ...emptyVenue(), name: 'Hall', postcode: 'bl1 1aa' }];
    const input = draftToInput(d) as unknown as { website: string; venues: { postcode: string }[] };
    expect(input.website).toBe('https://www.example.org');
    expect(input.venues[0].postcode).toBe('BL1 1AA');
    const tidied = tidyDraft(d);
    expect([tidied.website, tidied.venues[0].postcode]).toEqual(['https://www.example.org', 'BL1 1AA']);
    expect(tidyDraft(tidied)).toBe(tidied);
  });
});
