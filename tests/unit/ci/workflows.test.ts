/**
 * The GitHub Actions workflows are safe for contributions from strangers: every file parses;
 * nothing runs on `pull_request_target`; every action is pinned to a commit SHA; every job has a
 * time limit; the pull-request workflow has a read-only token, no secrets and no untrusted
 * `${{ }}` values inside `run:` scripts; the labelling workflow never checks out code.
 * Also: the issue forms parse, and the fields the site's links fill in exist.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ISSUE_TEMPLATES } from '../../../src/lib/authoring/github-urls';

const WORKFLOWS = '.github/workflows';
const TEMPLATES = '.github/ISSUE_TEMPLATE';
type Job = { 'timeout-minutes'?: number; permissions?: unknown; steps?: Step[]; uses?: string; if?: string };
type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
type Workflow = { on?: unknown; true?: unknown; permissions?: unknown; jobs: Record<string, Job> };

const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const text = (f: string) => readFileSync(join(WORKFLOWS, f), 'utf8');
const load = (f: string) => yaml.load(text(f)) as Workflow;
/** Everything a workflow says, without its comments (which may mention what it avoids). */
const code = (f: string) => JSON.stringify(load(f));
/** The trigger map (js-yaml 4 keeps `on` as a string key). */
const triggers = (w: Workflow): Record<string, unknown> => {
  const on = w.on ?? w.true;
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((t) => [t, null]));
  return (on ?? {}) as Record<string, unknown>;
};
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

describe('workflow files', () => {
  it('exist: pull request checks, labelling, deploy, stale report', () => {
    expect(files).toEqual(
      expect.arrayContaining(['pull-request.yml', 'label-code-changes.yml', 'deploy.yml', 'stale-report.yml']),
    );
  });

  it.each(files)('%s parses, with a name, triggers and jobs', (f) => {
    const w = load(f);
    expect(w).toBeTypeOf('object');
    expect(Object.keys(triggers(w)).length).toBeGreaterThan(0);
    expect(Object.keys(w.jobs ?? {}).length).toBeGreaterThan(0);
  });

  it.each(files)('%s never runs on pull_request_target', (f) => {
    expect(Object.keys(triggers(load(f)))).not.toContain('pull_request_target');
    expect(code(f)).not.toMatch(/pull_request_target/);
  });

  it.each(files)('%s pins every action to a full commit SHA', (f) => {
    const w = load(f);
    const uses = [...steps(w).map((s) => s.uses), ...Object.values(w.jobs).map((j) => j.uses)].filter(
      (u): u is string => typeof u === 'string',
    );
    for (const u of uses) {
      if (u.startsWith('./')) continue; // a local action lives in this repository
      expect(u, `${f}: ${u}`).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
    }
  });

  it.each(files)('%s gives every job a time limit', (f) => {
    for (const [name, job] of Object.entries(load(f).jobs)) {
      expect(job['timeout-minutes'], `${f}: job ${name}`).toBeTypeOf('number');
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
    }
  });

  it.each(files)('%s only uses untrusted values through env:, never inside run: scripts', (f) => {
    for (const s of steps(load(f))) {
      // An inline github-script is a script too: no expressions pasted into it at all.
      if (s.uses?.startsWith('actions/github-script@')) expect(String(s.with?.script ?? '')).not.toMatch(/\$\{\{/);
      if (typeof s.run !== 'string') continue;
      expect(s.run, `${f}: ${s.run}`).not.toMatch(/\$\{\{\s*github\.(event\.|head_ref)/);
      expect(s.run).not.toMatch(/\$\{\{[^}]*(pull_request|issue|comment|review|head_commit|workflow_run)\./);
    }
  });
});

describe('pull-request.yml (runs code from strangers)', () => {
  const w = load('pull-request.yml');
  it('runs on pull_request only', () => {
    expect(Object.keys(triggers(w))).toEqual(['pull_request']);
  });
  it('has a read-only token, and no job widens it', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(w.jobs)) {
      if (job.permissions === undefined) continue;
      expect(job.permissions, `job ${name}`).toSatisfy(
        (p: unknown) =>
          p === 'read-all' ||
          (typeof p === 'object' && p !== null && Object.values(p).every((v) => v === 'read' || v === 'none')),
      );
    }
  });
  it('uses no secrets', () => {
    expect(code('pull-request.yml')).not.toMatch(/secrets\./);
  });
  it('checks out without keeping credentials', () => {
    for (const s of steps(w).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(s.with?.['persist-credentials']).toBe(false);
  });
  it('validates the entries, builds and tests', () => {
    const runs = steps(w)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(runs).toMatch(/npm run validate/);
    expect(runs).toMatch(/npm test/);
  });
});

describe('label-code-changes.yml (has a token that may write)', () => {
  const w = load('label-code-changes.yml');
  it('runs after the checks, never on the pull request itself', () => {
    expect(Object.keys(triggers(w))).toEqual(['workflow_run']);
  });
  it('never checks out or runs the pull request code', () => {
    for (const s of steps(w)) {
      expect(s.uses ?? '').not.toMatch(/^actions\/checkout@/);
      expect(s.run ?? '').not.toMatch(/\b(npm|npx|node|git)\b/);
    }
  });
  it('labels changes outside content/ for code review, and asks for nothing more than it needs', () => {
    expect(text('label-code-changes.yml')).toContain("'needs code review'");
    expect(text('label-code-changes.yml')).toContain("startsWith('content/')");
    expect(w.permissions).toEqual({});
    expect(w.jobs.label.permissions).toEqual({ 'pull-requests': 'write' });
  });
  it('takes nothing from the pull request: no artifact, and no ${{ }} inside its script', () => {
    expect(code('label-code-changes.yml')).not.toMatch(/artifact/);
    expect(code('pull-request.yml')).not.toMatch(/upload-artifact|pr-number/);
    for (const s of steps(w)) expect(String(s.with?.script ?? '')).not.toContain('${{');
  });

  // The script itself, run against a stand-in for GitHub's API: it must label only the pull
  // request whose head GitHub records as the run's commit in the run's repository.
  type Pull = {
    number: number;
    head: { sha: string; repo: { full_name: string } | null };
    base: { repo: { full_name: string } };
  };
  const SHA = 'a'.repeat(40);
  async function labelled(pulls: Pull[], env: Record<string, string> = {}) {
    const step = steps(w).find((s) => s.uses?.startsWith('actions/github-script@'))!;
    const script = String(step.with!.script);
    const labels: number[] = [];
    const listFiles = (args: { pull_number: number }) => args;
    const list = () => undefined;
    const github = {
      rest: {
        pulls: { list, listFiles },
        issues: { addLabels: async (a: { issue_number: number }) => void labels.push(a.issue_number) },
      },
      paginate: async (fn: unknown, args: { pull_number?: number }) =>
        fn === list ? pulls : [{ filename: args.pull_number === 7 ? 'content/entries/x.md' : 'src/evil.ts' }],
    };
    const context = { repo: { owner: 'place', repo: 'book' } };
    const core = { info: () => {}, notice: () => {} };
    const processEnv = {
      env: { HEAD_SHA: SHA, HEAD_REPO: 'fork/book', HEAD_OWNER: 'fork', HEAD_BRANCH: 'patch-1', ...env },
    };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    await new AsyncFunction('github', 'context', 'core', 'process', script)(github, context, core, processEnv);
    return labels;
  }
  const pr = (number: number, sha: string, repo: string | null): Pull => ({
    number,
    head: { sha, repo: repo === null ? null : { full_name: repo } },
    base: { repo: { full_name: 'place/book' } },
  });
  it("labels the pull request whose head is the run's commit in the run's repository", async () => {
    expect(await labelled([pr(5, SHA, 'fork/book')])).toEqual([5]);
  });
  it('never labels another pull request, one from another repository, or one pushed to since', async () => {
    expect(await labelled([pr(6, 'b'.repeat(40), 'fork/book')])).toEqual([]);
    expect(await labelled([pr(5, SHA, 'other/book')])).toEqual([]);
    expect(await labelled([pr(5, SHA, null)])).toEqual([]);
  });
  it('does not label a pull request that only changes content/', async () => {
    expect(await labelled([pr(7, SHA, 'fork/book')])).toEqual([]);
  });
  it('refuses a run without a real commit id', async () => {
    await expect(labelled([pr(5, SHA, 'fork/book')], { HEAD_SHA: '5' })).rejects.toThrow('no head commit');
  });
});

describe('stale-report.yml and deploy.yml', () => {
  it('the weekly report runs the report script and opens one issue', () => {
    const w = load('stale-report.yml');
    expect(Object.keys(triggers(w))).toContain('schedule');
    const runs = steps(w)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(runs).toContain('npm run --silent report:stale -- --markdown');
    expect(runs).toMatch(/gh issue (create|edit)/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['report:stale']).toBeTruthy();
  });
  it('deploys main to GitHub Pages, with write permissions only on the deploy job', () => {
    const w = load('deploy.yml');
    expect((triggers(w).push as { branches: string[] }).branches).toEqual(['main']);
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(w.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('issue forms', () => {
  const forms = readdirSync(TEMPLATES).filter((f) => f.endsWith('.yml') && f !== 'config.yml');
  it.each(forms)('%s parses as an issue form', (f) => {
    const form = yaml.load(readFileSync(join(TEMPLATES, f), 'utf8')) as {
      name: string;
      description: string;
      body: { type: string; id?: string }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    expect(Array.isArray(form.body)).toBe(true);
    const ids = form.body.map((b) => b.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('every form the site links to exists, and "report a problem" can fill in the entry id', () => {
    for (const file of Object.values(ISSUE_TEMPLATES)) expect(forms).toContain(file);
    const change = yaml.load(readFileSync(join(TEMPLATES, ISSUE_TEMPLATES.change), 'utf8')) as {
      body: { id?: string }[];
    };
    expect(change.body.map((b) => b.id)).toContain('entry');
  });
  it('the pull request template has a three-point checklist for content, and a part of its own for code', () => {
    const template = readFileSync('.github/pull_request_template.md', 'utf8');
    const [content, code] = template.split('**For a code change**');
    expect(content.match(/^- \[ \] /gm)).toHaveLength(3);
    expect(code).toMatch(/^- \[ \] `npm test` passes/m);
  });
});
