/**
 * A region of books: `content/region.yaml` (optional; most books have none). It lists the member
 * books whose search, map data and Open Referral feed the region build (`npm run build:region`,
 * src/lib/region) copies under `/members/<id>/` and merges into one feed.
 */
import { z } from './zod';
import { ENTRY_ID, MAX_ID_LENGTH } from './ids';
import { isSafeUrl } from './primitives';
import { bookIdentity } from '../lib/exports/uuid';

export const regionMemberSchema = z.strictObject({
  /**
   * The member's id in the region, lower-case words joined by hyphens: `wigan`. Its files are
   * copied under `/members/<id>/`.
   */
  id: z
    .string({ error: 'A member id is lower-case words joined by hyphens, e.g. wigan.' })
    .max(MAX_ID_LENGTH)
    .regex(ENTRY_ID, 'A member id is lower-case words joined by hyphens, e.g. wigan.'),
  /** The member book's name, as the region shows it: "Wigan Community Book". */
  name: z.string().trim().min(1).max(80),
  /** The member book's public address (its site.yaml `url`): `https://wigan.example.org`. */
  url: z.string().refine(isSafeUrl, 'url must be an http(s) address, e.g. https://wigan.example.org'),
  /**
   * A local folder holding the member's built site (its `dist/`), for builds without internet:
   * `../wigan/dist`. Relative to the region's content folder.
   */
  path: z.string().trim().min(1).optional(),
});
export type RegionMember = z.output<typeof regionMemberSchema>;

/** The whole region file: at least one member, ids and addresses each used once. */
export const regionSchema = z.strictObject({
  /** The member books, in the order the region lists them. */
  members: z
    .array(regionMemberSchema, { error: 'members must be a list of member books, each with id, name and url.' })
    .min(1, 'A region needs at least one member book. Fix: list them under members:, each with id, name and url.')
    .superRefine((members, ctx) => {
      const ids = new Map<string, number>();
      const urls = new Map<string, number>();
      members.forEach((m, i) => {
        const id = ids.get(m.id);
        if (id !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `The member id "${m.id}" is used twice (member ${id + 1} has it too). Fix: give each member its own id.`,
          });
        else ids.set(m.id, i);
        if (!isSafeUrl(m.url)) return;
        const key = bookIdentity(m.url);
        const url = urls.get(key);
        if (url !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'url'],
            message: `The address ${m.url} is listed twice (member ${url + 1}, "${members[url].id}", has it too): one book is one member. Fix: remove one of them.`,
          });
        else urls.set(key, i);
      });
    }),
});
export type RegionConfig = z.output<typeof regionSchema>;
