import { describe, expect, it } from 'vitest';
import { BANNER_KEY, bannerHidden, hideBanner, tabStore } from '../../../src/lib/view/banner';

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('the example banner put away for the visit', () => {
  it('is hidden once hidden, in the same tab', () => {
    const s = memoryStore();
    expect(bannerHidden(s)).toBe(false);
    hideBanner(s);
    expect(s.m.get(BANNER_KEY)).toBe('hidden');
    expect(bannerHidden(s)).toBe(true);
  });

  it('shows, and throws nothing, where reading sessionStorage itself is refused (a framed page)', () => {
    const refused = tabStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(refused).toBeUndefined();
    expect(bannerHidden(refused)).toBe(false);
    expect(() => hideBanner(refused)).not.toThrow();
  });

  it('shows where the store refuses to be used (private modes)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(bannerHidden(broken)).toBe(false);
    expect(() => hideBanner(broken)).not.toThrow();
  });
});
