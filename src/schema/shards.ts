/**
 * One big book in shards: `content/shards.yaml` (optional; most books have none). It splits the
 * book's neighbourhoods into shards, each built as an ordinary member book of its own, with a
 * region on top (`npm run build:shards`, src/lib/region/shards.ts says which entries each shard
 * gets). The rules this file checks:
 *
 *  - every neighbourhood of the book (its `neighbourhoods/` folder) is in exactly one shard: one
 *    missing, named twice, or not in the book is an error naming it;
 *  - `whole_area` names the shard that holds the entries for the whole area
 *    (`neighbourhoods: [borough-wide]`);
 *  - shard ids and addresses are each used once, and none is the region's own address.
 */
import { z } from './zod';
import { ENTRY_ID, MAX_ID_LENGTH } from './ids';
import { isSafeUrl } from './primitives';
import { BOROUGH_WIDE } from './vocab';
import { bookIdentity } from '../lib/exports/uuid';

const SHARD_ID = 'A shard id is lower-case words joined by hyphens, e.g. north.';
const URL_EXAMPLE = 'url must be an http(s) address, e.g. https://north.example.org';

export const shardSchema = z.strictObject({
  /** The shard's id, lower-case words joined by hyphens: `north`. Its site is built into `shards/<id>/`. */
  id: z.string({ error: SHARD_ID }).max(MAX_ID_LENGTH).regex(ENTRY_ID, SHARD_ID),
  /** The shard's name, its site's title: "Kestrel Vale Directory: north". */
  name: z.string().trim().min(1).max(80),
  /** Where the shard's site is published: `https://north.kestrelvale.example`. */
  url: z.string().refine(isSafeUrl, URL_EXAMPLE),
  /** The ids of the neighbourhoods it holds (files in `neighbourhoods/`). At least one. */
  neighbourhoods: z
    .array(z.string().regex(ENTRY_ID, 'A neighbourhood id is lower-case words joined by hyphens, e.g. oakmere.'), {
      error: 'neighbourhoods must be a list of neighbourhood ids, e.g. [brackenford, oakmere].',
    })
    .min(1, 'A shard holds at least one neighbourhood. Fix: list its neighbourhood ids, or remove the shard.'),
});
export type ShardConfig = z.output<typeof shardSchema>;

/** The checks that need no knowledge of the book: ids, addresses, neighbourhoods named once. */
function shardsShape() {
  return z
    .strictObject({
      /** The region's own address, where the region on top of the shards is published. */
      url: z.string().refine(isSafeUrl, 'url must be an http(s) address, e.g. https://directory.example.org'),
      /** The region's title; the book's own (site.yaml `title`) when not given. */
      title: z.string().trim().min(1).max(80).optional(),
      /** The id of the shard that holds the entries for the whole area (`neighbourhoods: [borough-wide]`). */
      whole_area: z.string({ error: 'whole_area names a shard by its id, e.g. whole_area: north.' }),
      /** The shards, in the order the region lists them. */
      shards: z
        .array(shardSchema, {
          error: 'shards must be a list of shards, each with id, name, url and neighbourhoods.',
        })
        .min(1, 'A book in shards needs at least one shard. Fix: list them under shards:.'),
    })
    .superRefine((file, ctx) => {
      const ids = new Map<string, number>();
      const urls = new Map<string, number>();
      const hoods = new Map<string, number>();
      const region = isSafeUrl(file.url) ? bookIdentity(file.url) : undefined;
      file.shards.forEach((s, i) => {
        const id = ids.get(s.id);
        if (id !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['shards', i, 'id'],
            message: `The shard id "${s.id}" is used twice (shard ${id + 1} has it too). Fix: give each shard its own id.`,
          });
        else ids.set(s.id, i);
        if (isSafeUrl(s.url)) {
          const key = bookIdentity(s.url);
          const url = urls.get(key);
          if (key === region)
            ctx.addIssue({
              code: 'custom',
              path: ['shards', i, 'url'],
              message: `The address ${s.url} is the region's own (url: at the top). Fix: give the shard an address of its own.`,
            });
          else if (url !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['shards', i, 'url'],
              message: `The address ${s.url} is listed twice (shard ${url + 1}, "${file.shards[url].id}", has it too). Fix: give each shard its own address.`,
            });
          else urls.set(key, i);
        }
        s.neighbourhoods.forEach((n, j) => {
          if (n === BOROUGH_WIDE) {
            ctx.addIssue({
              code: 'custom',
              path: ['shards', i, 'neighbourhoods', j],
              message: `${BOROUGH_WIDE} is not a neighbourhood: the entries for the whole area go to the shard named by whole_area. Fix: remove it here.`,
            });
            return;
          }
          const seen = hoods.get(n);
          if (seen !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['shards', i, 'neighbourhoods', j],
              message: `The neighbourhood "${n}" is in two shards ("${file.shards[seen].id}" has it too); every neighbourhood is in exactly one. Fix: remove it from one of them.`,
            });
          else hoods.set(n, i);
        });
      });
      if (file.shards.length && !ids.has(file.whole_area))
        ctx.addIssue({
          code: 'custom',
          path: ['whole_area'],
          message: `whole_area names "${file.whole_area}", which is not a shard. Fix: use one of ${[...ids.keys()].join(', ')}.`,
        });
    });
}

/** shards.yaml, checked on its own (without the book's neighbourhood ids). */
export const shardsSchema = shardsShape();
export type ShardsConfig = z.output<typeof shardsSchema>;

/**
 * shards.yaml checked against the book: also every neighbourhood of `neighbourhoodIds` in a
 * shard, and no shard naming a neighbourhood the book does not have.
 */
export function shardsSchemaFor(neighbourhoodIds: Iterable<string>) {
  const known = [...neighbourhoodIds];
  const has = new Set(known);
  return shardsShape().superRefine((file, ctx) => {
    const placed = new Set<string>();
    file.shards.forEach((s, i) =>
      s.neighbourhoods.forEach((n, j) => {
        placed.add(n);
        if (n !== BOROUGH_WIDE && !has.has(n))
          ctx.addIssue({
            code: 'custom',
            path: ['shards', i, 'neighbourhoods', j],
            message: `"${n}" is not a neighbourhood of the book (there is no neighbourhoods/${n}.yaml). Fix: use one of ${known.join(', ')}.`,
          });
      }),
    );
    const missing = known.filter((n) => !placed.has(n));
    if (missing.length && file.shards.length)
      ctx.addIssue({
        code: 'custom',
        path: ['shards'],
        message: `${missing.length === 1 ? 'The neighbourhood' : 'The neighbourhoods'} ${missing.map((n) => `"${n}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} in no shard, so ${missing.length === 1 ? 'its' : 'their'} entries would be built nowhere. Fix: add ${missing.length === 1 ? 'it' : 'each'} to the neighbourhoods of one shard.`,
      });
  });
}
