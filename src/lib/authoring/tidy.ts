/**
 * Tidying what a volunteer typed into the form the way the file wants it, so nothing they meant
 * is refused or kept in a form the validator then queries. Used by the draft (the file written)
 * and by the form when a field is left (so the field shows what the file will say).
 */

/** A postcode in capitals with one space before the last three characters: `wn23an` → `WN2 3AN`. */
export function tidyPostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{5,7}$/.test(compact)) return value.trim().replace(/\s+/g, ' ').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/**
 * A web address with its `https://`: `www.example.org` and `example.org/page` gain it; an address
 * that already has a scheme (or is not an address at all) is left for the validator to judge.
 */
export function tidyWebsite(value: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  if (/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i.test(v)) return `https://${v}`;
  return v;
}
