/**
 * The files the site publishes for each entry besides its page:
 *  - `calendar/<id>.ics`: its sessions, when it is not closed and has any;
 *  - its Open Referral records (./openreferral.ts): `GET /services/{id}`, one fully nested
 *    service, for every entry (closed ones too, status `defunct`, so a saved link keeps working),
 *    and `GET /service_at_locations/{id}` for each venue.
 *
 * Pure: the same entries and context always give the same paths and bytes. `astro build` writes
 * them in one pass, in a second process while the pages render (src/server/data-files.ts),
 * which is far quicker than a page route per file (Astro spends about a millisecond on each route
 * whatever it holds); in `astro dev` the routes in src/pages serve the same text from the same
 * functions.
 */
import type { ExportContext, ExportEntry } from './context';
import { buildCalendar, hasCalendar } from './ics';
import { feedEntryFiles } from './openreferral';

export interface OutputFile {
  /** Path inside the site folder, forward slashes, no leading slash. */
  path: string;
  body: string;
}

/** The calendar file of an entry, or undefined when it has no sessions to publish. */
export function entryCalendarFile(e: ExportEntry, ctx: ExportContext): OutputFile | undefined {
  if (!hasCalendar(e, ctx.site.url)) return undefined;
  return {
    path: `calendar/${e.id}.ics`,
    body: buildCalendar([e], {
      name: e.data.name,
      description: e.data.summary,
      siteUrl: ctx.site.url,
      product: ctx.site.title,
      holidays: ctx.site.bank_holidays,
      modified: ctx.modified,
    }),
  };
}

/** Every per-entry file, entry by entry. */
export function* entryExportFiles(entries: Iterable<ExportEntry>, ctx: ExportContext): Generator<OutputFile> {
  for (const e of entries) {
    const calendar = entryCalendarFile(e, ctx);
    if (calendar) yield calendar;
    yield* feedEntryFiles(e, ctx);
  }
}
