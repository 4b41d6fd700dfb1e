/**
 * Categories: the needs an entry meets, in two levels (a group such as "Money and debt" and its
 * terms such as "Debt advice"). Kept in `content/categories.yaml`, one list item per category.
 */
import { z } from './zod';
import { ENTRY_ID } from './ids';
import { isSafeUrl } from './primitives';

/** An LGA (esd.org.uk) term: a service type or a need, `http://id.esd.org.uk/service/298`. */
export const LGA_TERM = /^https?:\/\/id\.esd\.org\.uk\/(service|need)\/\d+$/;

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
  /** A web address that names this category in another vocabulary; the Open Referral feed gives it as the term's `term_uri`. For an LGA term use `lga`. */
  uri: z.string().refine(isSafeUrl, 'uri must be an http(s) address').optional(),
  /**
   * The matching term in the LGA's lists (esd.org.uk), where one fits: its address and its name
   * there, e.g. `{ uri: "http://id.esd.org.uk/service/298", name: Carers support groups }`. The
   * Open Referral feed links every entry in the category to that term too, in a second taxonomy
   * (the LGA list), so systems that use the LGA lists can read the book. Leave out when no term fits.
   */
  lga: z
    .strictObject({
      uri: z
        .string()
        .regex(
          LGA_TERM,
          'lga.uri is not an LGA term address. Fix: copy it from the LGA list, e.g. http://id.esd.org.uk/service/298 or http://id.esd.org.uk/need/69.',
        ),
      name: z.string().trim().min(1).max(120),
    })
    .optional(),
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
