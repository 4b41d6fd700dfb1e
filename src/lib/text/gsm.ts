/**
 * Text for a phone's messages. Pure; used by the list's texts (src/lib/list/text.ts re-exports it)
 * and the handover (src/lib/list/handover.ts), in a module of its own so the entry page's
 * "Introduce someone" does not bring the list's text versions with it.
 */

/**
 * Characters outside the GSM 7-bit alphabet make a phone send the whole message as UCS-2 at 70
 * characters a part. Typographic quotes and dashes are the usual culprits: make them plain.
 */
export function gsmFriendly(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}
