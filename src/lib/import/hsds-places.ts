/**
 * Where an HSDS service runs: its locations as the entry's venues (with their accessibility), and
 * its service areas as neighbourhoods. Part of ./hsds.ts. Pure.
 */
import type { EntryInput, VenueInput } from './entry-input';
import { wholeAreaName } from '../book/area';
import { hasValue, type Json } from './record';
import { accessibilityOf, fitText } from './values';
import { normalisePostcode } from './places';
import { arr, joinPath, str, type ServiceRead } from './hsds-read';

/** Venues, with their accessibility, onto the entry; returns the venues. */
export function readVenues({ doc, r, c, e, body, gaps, book, name }: ServiceRead): VenueInput[] {
  const venues: VenueInput[] = [];
  const access = new Set<string>();
  const accessText: string[] = [];
  arr(doc.service_at_locations).forEach((link, i) => {
    const loc = (link.location ?? {}) as Json;
    const base = ['service_at_locations', i, 'location'] as (string | number)[];
    const addresses = arr(loc.addresses);
    const ai = Math.max(
      0,
      addresses.findIndex((a) => str(a.address_type) !== 'postal'),
    );
    const a = addresses[ai] ?? {};
    const street = [str(a.address_1), str(a.address_2)].filter(Boolean).join(', ');
    const lat = typeof loc.latitude === 'number' ? loc.latitude : Number(str(loc.latitude));
    const lng = typeof loc.longitude === 'number' ? loc.longitude : Number(str(loc.longitude));
    const venue: Record<string, unknown> = {
      name: fitText(str(loc.name) ?? str(a.address_1) ?? `Venue ${i + 1}`, 120).text,
      address: fitText(street || str(loc.name) || '', 200).text,
    };
    const city = str(a.city);
    if (city && city !== book.site.place) venue.town = fitText(city, 80).text;
    if (str(a.postal_code)) venue.postcode = normalisePostcode(str(a.postal_code)!);
    if (Number.isFinite(lat) && Number.isFinite(lng) && hasValue(loc.latitude)) {
      venue.lat = lat;
      venue.lng = lng;
    }
    venues.push(venue as VenueInput);
    c.from[`venues[${venues.length - 1}]`] = joinPath(base);
    r.take(...base, 'name');
    r.take(...base, 'latitude');
    r.take(...base, 'longitude');
    r.take(...base, 'id');
    r.take('service_at_locations', i, 'location_id');
    if (str(loc.location_type) === 'physical') r.take(...base, 'location_type');
    for (const k of ['address_1', 'address_2', 'city', 'postal_code']) r.take(...base, 'addresses', ai, k);
    if (str(a.state_province) === book.site.place) r.take(...base, 'addresses', ai, 'state_province');
    if (str(a.country) === 'GB') r.take(...base, 'addresses', ai, 'country');
    if (str(a.address_type) === 'physical') r.take(...base, 'addresses', ai, 'address_type');
    arr(loc.accessibility).forEach((x, j) => {
      const d = str(x.description);
      if (!d) return;
      const { values, rest } = accessibilityOf(d);
      values.forEach((v) => access.add(v));
      r.take(...base, 'accessibility', j, 'description');
      if (rest && !accessText.includes(d)) accessText.push(d);
      if (str(x.details) && !accessText.includes(str(x.details)!)) {
        accessText.push(str(x.details)!);
        r.take(...base, 'accessibility', j, 'details');
      }
    });
    // The export describes each link in the same words: "<name> at <venue>.".
    if (str(link.description) === `${name} at ${venue.name}.`) r.take('service_at_locations', i, 'description');
  });
  const accessLine = gaps.lines.get('Accessibility')?.join(', ');
  if (accessLine) accessibilityOf(accessLine.replace(/\.$/, '')).values.forEach((v) => access.add(v));
  if (venues.length) e.venues = venues;
  if (access.size) e.accessibility = [...access] as EntryInput['accessibility'];
  if (accessText.length) body.push(`**Accessibility:** ${accessText.join(' ')}`);
  c.from.accessibility = 'service_at_locations[].location.accessibility';
  c.from.venues = 'service_at_locations';
  return venues;
}

/** Neighbourhoods from the service areas' names; the importer adds those of the venues' points. */
export function readServiceAreas({ doc, r, c, e, book }: ServiceRead): void {
  const hoods: string[] = [];
  arr(doc.service_areas).forEach((a, i) => {
    const n = str(a.name);
    if (!n) return;
    const hood =
      n === wholeAreaName(book.site.place) || n === book.site.place
        ? 'borough-wide'
        : book.neighbourhoods.find((h) => h.name.toLowerCase() === n.toLowerCase())?.id;
    if (hood) {
      hoods.push(hood);
      for (const k of ['name', 'extent', 'extent_type', 'service_id']) r.take('service_areas', i, k);
    }
  });
  if (hoods.length) e.neighbourhoods = [...new Set(hoods)];
  c.from.neighbourhoods = 'service_areas';
}
