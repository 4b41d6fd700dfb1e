/**
 * Categories: the needs an entry meets, in two levels (a group such as "Money and debt" and its
 * terms such as "Debt advice"). Kept in `content/categories.yaml`, one list item per category.
 */
import { z } from './zod';
import { ENTRY_ID } from './ids';
import { isSafeUrl } from './primitives';

export const categorySchema = z.strictObject({
  /** Stable id, lower-case words joined by hyphens: `debt-advice`. Used in entries and URLs. */
  id: z.string().regex(ENTRY_ID, 'A category id is lower-case words joined by hyphens, e.g. debt-advice.'),
  /** The name shown on the site: "Debt advice". */
  name: z.string().trim().min(1).max(60),
  /** The top-level category this one sits under; leave out for a top-level category. */
  parent: z.string().optional(),
  /** One sentence describing what belongs here. */
  description: z.string().trim().max(300).optional(),
  /** Everyday words people search with: `[skint, broke, bills]`. Indexed with every entry in the category. */
  synonyms: z.array(z.string().trim().min(1).max(40)).default([]),
  /** The matching LGA / esd standard term URI, where one fits (http://id.esd.org.uk/…). */
  uri: z.string().refine(isSafeUrl, 'uri must be an http(s) address').optional(),
  /** True for categories where a visitor may need to leave the page quickly (domestic abuse, crisis). Pages show "Exit this page". */
  sensitive: z.boolean().default(false),
});
export type Category = z.output<typeof categorySchema>;

/** The whole taxonomy: ids unique, parents exist and are top-level (two levels only). */
export const taxonomySchema = z.array(categorySchema).superRefine((cats, ctx) => {
  const byId = new Map<string, Category>();
  cats.forEach((c, i) => {
    if (byId.has(c.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `The category id "${c.id}" is used twice.` });
    byId.set(c.id, c);
  });
  cats.forEach((c, i) => {
    if (c.parent === undefined) return;
    const parent = byId.get(c.parent);
    if (!parent)
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `Parent "${c.parent}" is not a category.` });
    else if (parent.parent !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'parent'],
        message: `Parent "${c.parent}" is itself a sub-category; only two levels are allowed.`,
      });
  });
});
