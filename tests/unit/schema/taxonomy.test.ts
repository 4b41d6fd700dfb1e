import { describe, expect, it } from 'vitest';
import { categorySchema } from '../../../src/schema/taxonomy';

describe('a category’s LGA term (categories.yaml `lga`)', () => {
  const base = { id: 'carers-groups', name: 'Carers’ groups' };

  it('takes a service type or a need of the LGA lists, with its name', () => {
    for (const uri of ['http://id.esd.org.uk/service/298', 'https://id.esd.org.uk/need/69'])
      expect(categorySchema.parse({ ...base, lga: { uri, name: 'Carers support groups' } }).lga?.uri).toBe(uri);
    expect(categorySchema.parse(base).lga).toBeUndefined();
  });

  it('refuses another address, a missing name or another key, saying how to fix it', () => {
    const bad = categorySchema.safeParse({ ...base, lga: { uri: 'http://example.org/298', name: 'x' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/not an LGA term address\. Fix: .*id\.esd\.org\.uk\/service\/298/);
    expect(categorySchema.safeParse({ ...base, lga: { uri: 'http://id.esd.org.uk/service/298' } }).success).toBe(false);
    expect(
      categorySchema.safeParse({ ...base, lga: { uri: 'http://id.esd.org.uk/service/298', name: 'x', label: 'y' } })
        .success,
    ).toBe(false);
  });
});
