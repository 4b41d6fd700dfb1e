/**
 * src/components/islands/map/leaflet-parts.js: the parts of Leaflet the map island and react-leaflet
 * use, which the build puts in place of the whole of Leaflet (astro.config.mjs's alias). A name the
 * island reads from `L.` that the file does not export would only be `undefined` at run time, so the
 * island is bundled here with the same alias and every import of Leaflet must find its export.
 */
import { build, type Message } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PARTS = resolve(ROOT, 'src/components/islands/map/leaflet-parts.js');

/**
 * Bundles `entry` with `leaflet` pointing at `parts`: the messages about imports with no export.
 * Any other error (a file that cannot be found) fails the test on its own.
 */
async function missingImports(entry: string, parts: string): Promise<string[]> {
  const messages: Message[] = [];
  try {
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      logLevel: 'silent',
      loader: { '.css': 'empty' },
      // Only the bare name, as in astro.config.mjs (esbuild's `alias` would take `leaflet/src/…` too).
      plugins: [
        {
          name: 'leaflet-parts',
          setup(b) {
            b.onResolve({ filter: /^leaflet$/ }, () => ({ path: parts }));
          },
        },
      ],
      external: ['react', 'react-dom', 'react/jsx-runtime'],
    });
    messages.push(...result.warnings);
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors ?? [];
    const other = errors.filter((m) => !/no matching export/i.test(m.text));
    if (other.length || !errors.length) throw err;
    messages.push(...errors);
  }
  return messages
    .filter((m) => /no matching export|will always be undefined/i.test(m.text))
    .map((m) => `${m.location?.file ?? '?'}: ${m.text}`);
}

describe('the parts of Leaflet the map is built with', { timeout: 60_000 }, () => {
  it('export every name the map island and react-leaflet import', async () => {
    expect(await missingImports('src/components/islands/map/MapApp.tsx', PARTS)).toEqual([]);
  });

  it('are caught when a name the island uses is missing', async () => {
    // The same file without `popup`, which the island's markers open.
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(resolve(tmpdir(), 'leaflet-parts-'));
    const partial = resolve(dir, 'leaflet-parts.js');
    const text = readFileSync(PARTS, 'utf8').replace(/export \{ Popup, popup \}/, 'export { Popup }');
    writeFileSync(partial, text.replaceAll("'leaflet/src/", `'${ROOT}/node_modules/leaflet/src/`));
    const missing = await missingImports('src/components/islands/map/MapApp.tsx', partial).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(missing.join('\n')).toMatch(/"popup"/);
  });
});
