/**
 * .github/workflows/shards.yml (docs/maintainers.md, "One big book in shards"): runs on main's
 * content changes and by hand only, with a read-only token and no secrets; its matrix is the one
 * `scripts/build/shards.ts --matrix` prints; each shard job is cached by the shard's content hash
 * and builds only its own shard; the last job builds the region from every shard's artifact.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { shardMatrix } from '../../../src/lib/region/shards';

type Step = {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
};
type Job = {
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  steps: Step[];
  outputs?: Record<string, string>;
};
const text = readFileSync('.github/workflows/shards.yml', 'utf8');
const w = yaml.load(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('shards.yml', () => {
  it("runs on pushes to main that touch content/, and by hand; never on a pull request's code", () => {
    expect(Object.keys(w.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(w.on.push).toEqual({ branches: ['main'], paths: ['content/**'] });
    expect(w.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(w.jobs)) expect(job).not.toHaveProperty('permissions');
    expect(JSON.stringify(w)).not.toMatch(/secrets\.|pull_request/);
    for (const s of Object.values(w.jobs).flatMap((j) => j.steps))
      if (s.uses?.startsWith('actions/checkout@')) expect(s.with?.['persist-credentials']).toBe(false);
  });

  it('plans, builds each shard in a matrix that does not stop at the first failure, then the region', () => {
    expect(Object.keys(w.jobs)).toEqual(['plan', 'shard', 'region']);
    expect(runs(w.jobs.plan)).toContain('scripts/build/shards.ts --matrix');
    expect(w.jobs.shard.needs).toBe('plan');
    expect(w.jobs.shard.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(w.jobs.region.needs).toBe('shard');
    expect(runs(w.jobs.region)).toContain('npm run build:shards -- --region-only');
  });

  it('uses only the matrix values the script gives', () => {
    const keys = Object.keys(shardMatrix([{ id: 'a', name: 'A', hash: 'h' }]).include[0]);
    const used = [...text.matchAll(/(?<![.\w])matrix\.([a-z_]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const k of used) expect(keys).toContain(k);
  });

  it("restores the shard's site by its content hash and builds only that shard, and only when the cache missed", () => {
    const [site, astro] = w.jobs.shard.steps.filter((s) => s.uses?.startsWith('actions/cache@'));
    expect(site.id).toBe('site');
    expect(site.with?.key).toBe('shard-site-${{ matrix.shard }}-${{ matrix.hash }}');
    expect(String(site.with?.path)).toContain('dist-shards/shards/${{ matrix.shard }}');
    expect(astro.with?.path).toBe('node_modules/.astro-*');
    const build = w.jobs.shard.steps.find((s) => s.run?.includes('build:shards'))!;
    expect(build.run).toBe('npm run build:shards -- --only "$SHARD" --no-region');
    expect(build.env).toEqual({ SHARD: '${{ matrix.shard }}' });
    expect(build.if).toBe("steps.site.outputs.cache-hit != 'true'");
    const upload = w.jobs.shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBeUndefined();
    expect(upload.with?.name).toBe('shard-${{ matrix.shard }}');
  });
});
