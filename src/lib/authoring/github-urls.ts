/**
 * Links into the book's GitHub repository, so that a volunteer can add or correct an entry with a
 * browser and a GitHub account, without git:
 *  - "new file" with the entry filled in (`/new/<branch>?filename=…&value=…`), which GitHub turns
 *    into a pull request from the volunteer's own fork;
 *  - "edit" for an existing entry (`/edit/<branch>/content/entries/<id>.md`);
 *  - an issue form with fields filled in (`/issues/new?template=…&entry=…`).
 *
 * Pure, no dependencies: runs at build time (entry pages) and in the browser (contribute form).
 * Every builder has a matching reader (`readNewFileUrl`, `readEditUrl`, `readIssueUrl`) so tests
 * can check that what a link carries is exactly what was put in.
 */

/** Folder of the entry files, relative to the repository root. */
export const ENTRIES_FOLDER = 'content/entries';

/**
 * Longest prefilled link we hand out, in characters. Browsers take far longer URLs, but GitHub
 * answers "414 URI Too Long" (or drops the content) somewhere above 8 KB, so stay under it. When a
 * link would be longer, the builder says so and the form offers "copy" and "download" instead.
 */
export const MAX_URL_LENGTH = 8000;

export interface Repository {
  /** `https://github.com` (or a GitHub Enterprise host). */
  origin: string;
  owner: string;
  repo: string;
}

/**
 * Reads `site.repository` (`https://github.com/org/community-book`, with or without `.git` or a
 * trailing slash). Returns undefined for anything that is not an http(s) address with an owner
 * and a repository name.
 */
export function parseRepository(url: string): Repository | undefined {
  let u: URL;
  try {
    u = new URL(String(url).trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts.length !== 2) return undefined;
  const owner = decodeURIComponent(parts[0]);
  const repo = decodeURIComponent(parts[1]).replace(/\.git$/, '');
  if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(repo)) return undefined;
  return { origin: u.origin, owner, repo };
}

/** `https://github.com/owner/repo`. An address that is not owner/repo is used as written (minus `/` and `.git`). */
function base(repository: string | Repository): string {
  const r = typeof repository === 'string' ? parseRepository(repository) : repository;
  if (!r)
    return String(repository)
      .trim()
      .replace(/\/+$/, '')
      .replace(/\.git$/, '');
  return `${r.origin}/${r.owner}/${r.repo}`;
}

/** A branch in a path: each segment encoded, the slashes kept (`feature/x`). */
function branchPath(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/');
}

/** `content/entries/<id>.md` */
export function entryPath(id: string): string {
  return `${ENTRIES_FOLDER}/${id}.md`;
}

/** Lone surrogates (which encodeURIComponent refuses) become U+FFFD; everything else is kept. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** `encodeURIComponent` for query values: spaces as %20 (never +), line breaks as %0A. */
function q(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

export interface NewFileLink {
  /** The link to open. When `fits` is false, a link to the empty new-file page (no content). */
  url: string;
  /** False when the content is too long for a link: offer "copy" and "download" instead. */
  fits: boolean;
  /** Length of the full prefilled link, in characters (even when it does not fit). */
  length: number;
  /** The path the file should be saved as: `content/entries/<id>.md`. */
  filename: string;
}

/**
 * GitHub's "new file" page for `content/entries/<id>.md` with `content` filled in. People without
 * write access get a fork and a pull request from it automatically.
 */
export function newFileUrl(opts: {
  repository: string | Repository;
  branch: string;
  id: string;
  content: string;
  maxLength?: number;
}): NewFileLink {
  const filename = entryPath(opts.id);
  const start = `${base(opts.repository)}/new/${branchPath(opts.branch)}?filename=${q(filename)}`;
  const full = `${start}&value=${q(opts.content)}`;
  const max = opts.maxLength ?? MAX_URL_LENGTH;
  return full.length <= max
    ? { url: full, fits: true, length: full.length, filename }
    : { url: start, fits: false, length: full.length, filename };
}

/** What a new-file link carries, or undefined when it is not one. */
export function readNewFileUrl(
  url: string,
): { repository: Repository; branch: string; filename: string; value: string | undefined } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const m = /^\/([^/]+)\/([^/]+)\/new\/(.+)$/.exec(u.pathname);
  if (!m) return undefined;
  const filename = u.searchParams.get('filename');
  if (filename === null) return undefined;
  return {
    repository: { origin: u.origin, owner: decodeURIComponent(m[1]), repo: decodeURIComponent(m[2]) },
    branch: m[3].split('/').map(decodeURIComponent).join('/'),
    filename,
    value: u.searchParams.get('value') ?? undefined,
  };
}

/** GitHub's editor for an existing entry: `<repo>/edit/<branch>/content/entries/<id>.md`. */
export function editUrl(opts: { repository: string | Repository; branch: string; id: string }): string {
  return `${base(opts.repository)}/edit/${branchPath(opts.branch)}/${ENTRIES_FOLDER}/${encodeURIComponent(opts.id)}.md`;
}

/** The entry id an edit link points at, or undefined. */
export function readEditUrl(url: string): { branch: string; id: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const m = /^\/[^/]+\/[^/]+\/edit\/(.+)\/content\/entries\/([^/]+)\.md$/.exec(u.pathname);
  if (!m) return undefined;
  return { branch: m[1].split('/').map(decodeURIComponent).join('/'), id: decodeURIComponent(m[2]) };
}

/** The issue forms in `.github/ISSUE_TEMPLATE/`. */
export const ISSUE_TEMPLATES = {
  add: 'add-a-group.yml',
  change: 'change-a-group.yml',
  closed: 'group-closed.yml',
} as const;
export type IssueTemplate = keyof typeof ISSUE_TEMPLATES;

/**
 * A new issue from one of the issue forms, with fields filled in: `fields` keys are the form
 * fields' `id`s (`entry` in change-a-group.yml). Empty values are left out.
 */
export function issueUrl(opts: {
  repository: string | Repository;
  template: IssueTemplate;
  title?: string;
  fields?: Record<string, string | undefined>;
}): string {
  const params = [`template=${q(ISSUE_TEMPLATES[opts.template])}`];
  if (opts.title) params.push(`title=${q(opts.title)}`);
  for (const [key, value] of Object.entries(opts.fields ?? {})) {
    if (value !== undefined && value !== '' && key !== 'template' && key !== 'title')
      params.push(`${q(key)}=${q(value)}`);
  }
  return `${base(opts.repository)}/issues/new?${params.join('&')}`;
}

/** The template, title and fields an issue link carries, or undefined. */
export function readIssueUrl(
  url: string,
): { template: string; title?: string; fields: Record<string, string> } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^\/[^/]+\/[^/]+\/issues\/new$/.test(u.pathname)) return undefined;
  const template = u.searchParams.get('template');
  if (!template) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, value] of u.searchParams) if (key !== 'template' && key !== 'title') fields[key] = value;
  return { template, title: u.searchParams.get('title') ?? undefined, fields };
}

/** "Report a problem" on an entry page: the change-a-group form with the entry id filled in. */
export function reportProblemUrl(opts: { repository: string | Repository; id: string; name: string }): string {
  return issueUrl({
    repository: opts.repository,
    template: 'change',
    title: `Change: ${opts.name}`,
    fields: { entry: opts.id },
  });
}
