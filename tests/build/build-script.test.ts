/**
 * `npm run build` (scripts/build/build.ts): the heap limit it gives Astro, and that a book the validator
 * rejects stops the build with the validator's messages only.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { astroHeapMiB, withHeapLimit } from '../../scripts/build/build';
import { buildBook, fixtureBook, removeBuild, repoRoot } from '../helpers/build';

describe('astroHeapMiB', () => {
  it('is 2 GB for any borough-sized book, and grows by 32 KB an entry beyond that', () => {
    expect(astroHeapMiB(0)).toBe(2048);
    expect(astroHeapMiB(10_000)).toBe(2048);
    expect(astroHeapMiB(50_000)).toBe(2587);
    expect(astroHeapMiB(100_000)).toBeGreaterThan(astroHeapMiB(50_000));
  });
});

describe('withHeapLimit', () => {
  it('adds the limit to NODE_OPTIONS, keeping what is there', () => {
    expect(withHeapLimit(undefined, 2048)).toBe('--max-old-space-size=2048');
    expect(withHeapLimit('--enable-source-maps', 3000)).toBe('--enable-source-maps --max-old-space-size=3000');
  });
  it('leaves a limit someone set alone', () => {
    expect(withHeapLimit('--max-old-space-size=8192', 2048)).toBe('--max-old-space-size=8192');
  });
});

describe('a book with a broken entry', () => {
  const bad = `---\nname: Broken Walks\nsummary: A walk.\ncategories: [not-a-category]\nneighbourhoods: [hindley-and-abram]\njoin: [drop-in]\nlast_verified: 2026-01-10\n---\nA walk.\n`;
  const outDirs: string[] = [];
  afterAll(() => outDirs.forEach(removeBuild));

  it('stops the build with the validator message (file, line, field) and none of Astro’s output', () => {
    const content = fixtureBook([join(repoRoot, 'tests/fixtures/entries/valid')], { 'broken-walks': bad });
    let message = '';
    try {
      outDirs.push(buildBook(content, 'broken'));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/broken-walks\.md:4:\d+ categories/);
    expect(message).toContain('The build stopped');
    expect(message).not.toMatch(/\[build\]|\[vite\]|\[content\]/);
  }, 120_000);
});
