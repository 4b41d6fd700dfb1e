/** What a marker's popup says. Plain strings: the island puts them into text nodes, never HTML. */
import { STATUS_LABELS, type BankHolidayRegion } from '../../schema/vocab';
import { nextSessionText } from '../schedule/describe';
import { schedulesOf, type MapEntry } from './venue-file';
import { absoluteUrl, href } from '../site/paths';
import { parseRegionEntryId } from '../../schema/ids';
import { t } from '../text/messages';

export interface PopupModel {
  name: string;
  summary: string;
  venue: string;
  /** "Temporarily closed" / "Closed"; empty when running. */
  status: string;
  /** "Next: Tuesday 14 April 2026, 10am to 11:30am", or what to do when there is none. */
  next: string;
  href: string;
  /** In a region's map: "From Wigan Community Book", the member book the entry comes from. */
  from?: string;
}

/**
 * Where an entry's own page is: this book's `/entries/<id>/`, or, in a region's map, the member
 * book's page for its own id, at the member's address (under its path when it has one:
 * `https://example.github.io/two/entries/food-bank/`).
 */
export function entryPage(entry: Pick<MapEntry, 'id' | 'member'>): string {
  if (!entry.member) return href(`/entries/${entry.id}/`);
  const own = parseRegionEntryId(entry.id)?.id ?? entry.id;
  return absoluteUrl(entry.member.url, `/entries/${own}/`);
}

/** "From Wigan Community Book" for an entry of a region's map; undefined in a single book's. */
export function fromBook(entry: Pick<MapEntry, 'member'>): string | undefined {
  return entry.member ? t('card.fromBook', { book: entry.member.name }) : undefined;
}

/** The text of one entry's popup at one venue. Plain strings: the island puts them in text nodes. */
export function popupModel(entry: MapEntry, venue: number, now: Date, holidays: BankHolidayRegion): PopupModel {
  return {
    name: entry.name,
    summary: entry.summary,
    venue: entry.venues[venue]?.name ?? '',
    status: entry.status === 'active' ? '' : STATUS_LABELS[entry.status],
    next: nextSessionText(entry, schedulesOf(entry), now, holidays),
    href: entryPage(entry),
    ...(entry.member && { from: fromBook(entry) }),
  };
}

/** Room kept clear at the map's top left for the zoom buttons (Leaflet's 10 px margin, 34 px buttons, a gap). */
export const ZOOM_CLEARANCE = 56;
/** Room kept at the other edges. */
const EDGE = 12;

/** A popup's own margins around its content (Leaflet's content margin, the tip below it). */
const CHROME = { x: 44, y: 24 + 20 };

/**
 * A popup's size and where the map pans it, for a map `width` × `height` pixels: it fits inside
 * the map, its close button too, on a 320 px phone (a long one scrolls inside), and the map pans
 * it clear of the zoom buttons.
 */
export function popupFit(
  width: number,
  height: number,
): {
  maxWidth: number;
  minWidth: number;
  maxHeight: number;
  autoPanPaddingTopLeft: [number, number];
  autoPanPaddingBottomRight: [number, number];
} {
  const maxWidth = Math.max(140, Math.min(300, width - ZOOM_CLEARANCE - EDGE - CHROME.x));
  return {
    maxWidth,
    minWidth: Math.min(180, maxWidth),
    maxHeight: Math.max(120, height - 2 * EDGE - CHROME.y),
    autoPanPaddingTopLeft: [ZOOM_CLEARANCE, EDGE],
    autoPanPaddingBottomRight: [EDGE, EDGE],
  };
}
