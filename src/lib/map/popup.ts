/** What a marker's popup says. Plain strings: the island puts them into text nodes, never HTML. */
import { STATUS_LABELS, type BankHolidayRegion } from '../../schema/vocab';
import { nextSessionText } from '../schedule/describe';
import { schedulesOf, type MapEntry } from './venue-file';
import { href } from '../site/paths';

export interface PopupModel {
  name: string;
  summary: string;
  venue: string;
  /** "Temporarily closed" / "Closed"; empty when running. */
  status: string;
  /** "Next: Tuesday 14 April 2026, 10am to 11:30am", or what to do when there is none. */
  next: string;
  href: string;
}

/** The text of one entry's popup at one venue. Plain strings: the island puts them in text nodes. */
export function popupModel(entry: MapEntry, venue: number, now: Date, holidays: BankHolidayRegion): PopupModel {
  return {
    name: entry.name,
    summary: entry.summary,
    venue: entry.venues[venue]?.name ?? '',
    status: entry.status === 'active' ? '' : STATUS_LABELS[entry.status],
    next: nextSessionText(entry, schedulesOf(entry), now, holidays),
    href: href(`/entries/${entry.id}/`),
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
