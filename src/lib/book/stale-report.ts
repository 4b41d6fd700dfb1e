/**
 * Entries due for re-verification: last checked `months` or more months ago, oldest first, each
 * with whom to ask (whoever checked it last, the group's contacts, its website). Used by
 * `npm run report:stale` and the weekly report issue.
 *
 * "Due" is the same test as the "last checked over a year ago" marker on entry pages
 * (`isStale` in view.ts), so the report and the site never disagree.
 *
 * Pure: no Node imports, no zod.
 */
import type { EntryData } from '../../schema/entry';
import { isStale } from './stale';
import { monthsBetween } from '../calendar/dates';
import { byId, byName } from './order';
import { editUrl } from '../authoring/github-urls';

/** What the report needs of an entry (a parsed `EntryData` has all of it). */
export interface StaleSource {
  id: string;
  data: Pick<EntryData, 'name' | 'last_verified' | 'status'> &
    Partial<Pick<EntryData, 'verified_by' | 'contacts' | 'website' | 'organisation'>>;
}

export interface StaleEntry {
  id: string;
  name: string;
  /** `YYYY-MM-DD` */
  lastVerified: string;
  /** Whole months since it was last checked. */
  months: number;
  status: EntryData['status'];
  verifiedBy?: string;
  organisation?: string;
  contacts: { name?: string; phone?: string; email?: string }[];
  website?: string;
}

export interface StaleOptions {
  /** `YYYY-MM-DD` to measure from. */
  today: string;
  /** Due after this many months (site.yaml `stale_after_months`, default 12). */
  months?: number;
  /** Closed groups are left out unless this is true: there is no one left to ask. */
  includeClosed?: boolean;
}

/** Entries checked `months` or more months before `today`, oldest first (then by name, then id). */
export function staleEntries(entries: readonly StaleSource[], opts: StaleOptions): StaleEntry[] {
  const months = opts.months ?? 12;
  return entries
    .filter(
      (e) => (opts.includeClosed || e.data.status !== 'closed') && isStale(e.data.last_verified, opts.today, months),
    )
    .map((e) => ({
      id: e.id,
      name: e.data.name,
      lastVerified: e.data.last_verified,
      months: monthsBetween(e.data.last_verified, opts.today),
      status: e.data.status,
      verifiedBy: e.data.verified_by,
      organisation: e.data.organisation,
      contacts: (e.data.contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, email: c.email })),
      website: e.data.website,
    }))
    .sort(
      (a, b) =>
        (a.lastVerified < b.lastVerified ? -1 : a.lastVerified > b.lastVerified ? 1 : 0) ||
        byName(a, b) ||
        byId(a.id, b.id),
    );
}

/** One "who to ask" item: a label ("Walk leader", "Checked last time by") and the ways to reach them. */
export interface AskWho {
  label: string;
  /** Phone numbers, emails or a web address, as written in the entry. */
  ways: string[];
}

/** Whom to ask, most useful first: the group's contacts, its website, then who checked it last. */
export function whomToAsk(e: StaleEntry): AskWho[] {
  const out: AskWho[] = [];
  for (const c of e.contacts) {
    const ways = [c.phone, c.email].filter((w): w is string => Boolean(w));
    if (ways.length) out.push({ label: c.name ?? 'Contact', ways });
  }
  if (e.website) out.push({ label: 'Website', ways: [e.website] });
  if (e.verifiedBy) out.push({ label: 'Checked last time by', ways: [e.verifiedBy] });
  if (!out.length)
    out.push({
      label: 'No contact details',
      ways: [e.organisation ? `try ${e.organisation}` : 'ask around, or mark it closed'],
    });
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const STATUS_WORDS: Record<string, string> = { 'temporarily-closed': 'temporarily closed', closed: 'closed' };

export interface ReportOptions extends StaleOptions {
  /** How many entries were looked at (for the first line). */
  total: number;
  /** For edit links in the Markdown report: site.yaml `repository` and `branch`. */
  repository?: string;
  branch?: string;
  /** At most this many entries are listed in the Markdown report (an issue holds 65 536 characters). */
  limit?: number;
}

function headline(items: readonly StaleEntry[], opts: ReportOptions): string {
  const months = opts.months ?? 12;
  if (!items.length)
    return `No entries are due for re-verification: all ${plural(opts.total, 'entry', 'entries')} were checked within the last ${months} months (as of ${opts.today}).`;
  return `${plural(items.length, 'entry', 'entries')} of ${opts.total} ${items.length === 1 ? 'was' : 'were'} last checked ${months} or more months ago (as of ${opts.today}). Oldest first.`;
}

/** The report for a terminal: one block per entry, "ask:" lines under it. */
export function formatStaleText(items: readonly StaleEntry[], opts: ReportOptions): string {
  const lines = [headline(items, opts)];
  for (const e of items) {
    const status = STATUS_WORDS[e.status] ? ` [${STATUS_WORDS[e.status]}]` : '';
    lines.push('', `${e.lastVerified}  ${plural(e.months, 'month')} ago  ${e.name} (${e.id})${status}`);
    for (const a of whomToAsk(e)) lines.push(`    ask: ${a.label}: ${a.ways.join(', ')}`);
  }
  if (items.length) {
    lines.push(
      '',
      'When you have checked an entry with the group, set last_verified to the date you checked (and verified_by to who you are).',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text from an entry for a GitHub issue: Markdown and HTML characters escaped, and `@name` / `#12`
 * broken with a zero-width space so they never notify anyone or link an issue.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/(^|[^\w.])@(?=\w)/g, '$1@\u200b')
    .replace(/(^|\s)\\#(?=\d)/g, '$1#\u200b');
}

/** A web address as an autolink (entries only hold http(s) addresses without spaces); anything else escaped. */
function markdownWay(way: string): string {
  return /^https?:\/\/[^\s<>]+$/.test(way) ? `<${way}>` : escapeMarkdown(way);
}

/** The report as a GitHub issue body: a task list, oldest first, with edit links and whom to ask. */
export function formatStaleMarkdown(items: readonly StaleEntry[], opts: ReportOptions): string {
  const limit = opts.limit ?? 300;
  const lines = [`${headline(items, opts)}`];
  if (items.length) {
    lines.push(
      '',
      'For each entry: ask the group whether the details are still right, then use **edit** to correct them and set `last_verified` to the date you checked (and `verified_by`). If the group has stopped meeting, set `status: closed`. Tick the box when done; this issue is rewritten every Monday.',
      '',
    );
  }
  for (const e of items.slice(0, limit)) {
    const status = STATUS_WORDS[e.status] ? ` (${STATUS_WORDS[e.status]})` : '';
    const edit = opts.repository
      ? ` · [edit](${editUrl({ repository: opts.repository, branch: opts.branch ?? 'main', id: e.id })})`
      : '';
    lines.push(
      `- [ ] **${escapeMarkdown(e.name)}**${status} \`${e.id}\` · last checked ${e.lastVerified} (${plural(e.months, 'month')} ago)${edit}`,
    );
    for (const a of whomToAsk(e)) lines.push(`  - ${escapeMarkdown(a.label)}: ${a.ways.map(markdownWay).join(', ')}`);
  }
  if (items.length > limit) {
    lines.push('', `…and ${items.length - limit} more. Run \`npm run report:stale\` for the full list.`);
  }
  return `${lines.join('\n')}\n`;
}
