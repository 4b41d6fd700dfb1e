/**
 * The import report: Markdown for the person reviewing the pull request, JSON for scripts. Every
 * source record appears once: as an entry (with what was guessed and which source fields found
 * no home) or under "Not imported" with the reasons and where it came from. Pure.
 */
import { formatProblem } from '../validate';
import { originText } from './context';
import type { ImportResult, PlannedEntry } from './plan';

const ACTION_WORDS: Record<PlannedEntry['action'], string> = {
  new: 'new',
  update: 'updated',
  unchanged: 'unchanged',
  'kept-edited': 'edited by hand since the last import: not overwritten (use --force)',
  'overwrite-edited': 'edited by hand since the last import: overwritten (--force)',
  merged: 'a duplicate: merged',
};

export interface ReportSummary {
  records: number;
  imported: number;
  notImported: number;
  byAction: Record<string, number>;
  duplicates: number;
  fields: { placed: number; links: number; skipped: number; unplaced: number };
}

export function summary(r: ImportResult): ReportSummary {
  const byAction: Record<string, number> = {};
  for (const e of r.entries) byAction[e.action] = (byAction[e.action] ?? 0) + 1;
  const fields = [...r.entries, ...r.notImported.flatMap((n) => (n.fields ? [n.fields] : []))];
  const sum = (f: (e: (typeof fields)[number]) => number) => fields.reduce((n, e) => n + f(e), 0);
  return {
    records: r.records,
    imported: r.entries.length,
    notImported: r.notImported.length,
    byAction,
    duplicates: r.duplicates.length,
    fields: {
      placed: sum((e) => e.placed),
      links: sum((e) => e.links),
      skipped: sum((e) => e.skipped.length),
      unplaced: sum((e) => e.unplaced.length),
    },
  };
}

/** The report as JSON (everything but the file texts). */
export function reportJson(r: ImportResult, meta: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      ...meta,
      summary: summary(r),
      entries: r.entries.map(({ text: _text, venues: _v, phones: _p, warnings, ...e }) => ({
        ...e,
        warnings: warnings.map(formatProblem),
      })),
      not_imported: r.notImported,
      duplicates: r.duplicates,
    },
    null,
    2,
  )}\n`;
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Markdown-safe text in a table cell or a list item. */
const md = (s: string, n = 160) => clip(s.replace(/\s+/g, ' '), n).replace(/([\\`*_[\]<>|])/g, '\\$1');

/** The report for a person. */
export function reportMarkdown(r: ImportResult, title: string): string {
  const s = summary(r);
  const out: string[] = [`# Import report: ${md(title)}`, ''];
  out.push(
    `${s.records} source records: ${s.imported} entries (${
      Object.entries(s.byAction)
        .map(([k, n]) => `${n} ${ACTION_WORDS[k as PlannedEntry['action']].split(':')[0]}`)
        .join(', ') || 'none'
    }), ${s.notImported} not imported. ${s.duplicates} possible duplicate pairs.`,
    '',
    `Source fields with a value: ${s.fields.placed} placed in the entries, ${s.fields.links} links between records (ids), ${s.fields.skipped} left out on purpose, ${s.fields.unplaced} with no home (listed under each entry).`,
    '',
  );
  if (r.notImported.length) {
    out.push('## Not imported', '');
    for (const n of r.notImported) {
      out.push(`- **${md(n.name || '(no name)')}** — ${md(originText(n.origin))}`);
      for (const why of n.reasons) out.push(`  - ${md(why, 400)}`);
      for (const g of n.guesses ?? []) out.push(`  - Also: ${md(g)}`);
      if (n.fields?.unplaced.length)
        out.push(`  - Fields with no home: ${n.fields.unplaced.map((u) => `\`${md(u.path)}\``).join(', ')}`);
    }
    out.push('');
  }
  if (r.duplicates.length) {
    out.push('## Possible duplicates', '', 'Check each pair; `--merge-duplicates` keeps the first of each pair.', '');
    for (const d of r.duplicates) out.push(`- \`${d.a}\` and \`${d.b}\`: ${md(d.evidence)}`);
    out.push('');
  }
  const edited = r.entries.filter((e) => e.action === 'kept-edited' || e.action === 'overwrite-edited');
  if (edited.length) {
    out.push('## Edited by hand since the last import', '');
    for (const e of edited) out.push(`- \`${e.id}\`: ${ACTION_WORDS[e.action]}`);
    out.push('');
  }
  out.push('## Entries', '');
  for (const e of r.entries) {
    out.push(
      `### \`${e.id}\` — ${md(e.name)}`,
      '',
      `From ${md(originText(e.origin))}; ${ACTION_WORDS[e.action]}${e.mergedInto ? ` into \`${e.mergedInto}\`` : ''}.`,
      '',
    );
    if (e.guesses.length) {
      out.push('Chosen by the importer (check these):', '');
      for (const g of e.guesses) out.push(`- ${md(g)}`);
      out.push('');
    }
    if (e.unplaced.length) {
      out.push('Source fields with no home in the entry:', '');
      for (const u of e.unplaced) out.push(`- \`${md(u.path)}\`: ${md(u.value)}`);
      out.push('');
    }
    if (e.skipped.length) {
      out.push('Left out on purpose:', '');
      for (const u of e.skipped) out.push(`- \`${md(u.path)}\`: ${md(u.reason)}`);
      out.push('');
    }
    if (e.warnings.length) {
      out.push('Validator warnings:', '');
      for (const w of e.warnings) out.push(`- ${md(w.message)}`);
      out.push('');
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
