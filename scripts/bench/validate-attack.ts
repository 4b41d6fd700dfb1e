/**
 * `npx tsx scripts/bench/validate-attack.ts [--count 1000] [--runs 3]`: the validator against
 * crafted files. Writes a synthetic book of `--count` normal entries, times `npm run validate` on
 * it (the median of `--runs`), then again with one crafted file added for each attack: the 1 MB
 * file of the issue (refused before it is parsed) and the worst shapes just under the file limit
 * (`MAX_ENTRY_FILE`), where every check runs. Reports each as a ratio to the normal book (the
 * acceptance bar is 2×) and checks the output names the crafted file. Figures go to
 * docs/validate-attack.json and, by hand, to docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ENTRY_FILE } from '../../src/lib/validate/entry';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('--count', 1000);
const runs = arg('--runs', 3);
const dir = mkdtempSync(join(tmpdir(), 'validate-attack-'));
const gen = spawnSync(
  process.execPath,
  ['node_modules/.bin/tsx', 'scripts/content/generate.ts', '--count', String(count), '--out', dir],
  {
    encoding: 'utf8',
  },
);
if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);

function validate(): { seconds: number; out: string } {
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push((performance.now() - t) / 1000);
    out = r.stdout + r.stderr;
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], out };
}

const front =
  '---\nname: Crafted\nsummary: A crafted file.\ncategories: [walking]\nneighbourhoods: [wigan-central]\njoin: [drop-in]\nlast_verified: 2026-10-01\n---\n';
const under = MAX_ENTRY_FILE - 1000;
const fill = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));
const attacks: [string, string][] = [
  ['1 MB body of <a:<a:…', front + fill('<a:', 1_000_000)],
  ['1 MB name of <a<a…', front.replace('name: Crafted', `name: "${fill('<a', 1_000_000)}"`)],
  [`${Math.round(under / 1000)} KB body of ![![…`, front + fill('![', under)],
  [`${Math.round(under / 1000)} KB body of [a\\n…`, front + fill('[a\n', under)],
  [`${Math.round(under / 1000)} KB name of <a<a…`, front.replace('name: Crafted', `name: "${fill('<a', under)}"`)],
  [
    `${Math.round(under / 1000)} KB of unknown fields`,
    front.replace('---\n', `---\n${fill('x: 1\n', under).replace(/x: 1/g, (_, i) => `k${i}: 1`)}`),
  ],
];

const normal = validate();
console.log(`${count} normal entries: ${normal.seconds.toFixed(2)} s (median of ${runs})`);
const results: Record<string, unknown>[] = [];
for (const [what, text] of attacks) {
  const file = join(dir, 'entries', 'crafted.md');
  writeFileSync(file, text);
  const r = validate();
  rmSync(file);
  const ratio = r.seconds / normal.seconds;
  const named = r.out.includes('crafted.md');
  console.log(
    `+ ${what}: ${r.seconds.toFixed(2)} s, ${ratio.toFixed(2)}× the normal book; names the file: ${named ? 'yes' : 'NO'}`,
  );
  results.push({
    attack: what,
    bytes: text.length,
    seconds: Number(r.seconds.toFixed(3)),
    ratio: Number(ratio.toFixed(2)),
    namesFile: named,
  });
}
writeFileSync(
  'docs/validate-attack.json',
  `${JSON.stringify({ entries: count, runs, normalSeconds: Number(normal.seconds.toFixed(3)), attacks: results }, null, 2)}\n`,
);
rmSync(dir, { recursive: true, force: true });
