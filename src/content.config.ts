/**
 * Astro content collections. The shapes come from src/schema (the single source of truth);
 * this file only says where the files are.
 */
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { makeEntrySchema, neighbourhoodSchema, categorySchema } from './schema';
import { compiled } from './schema/zod';
import { contentDir, loadContext } from './server/content-files';

const dir = contentDir();
const ctx = loadContext(dir);

const entries = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: `${dir}/entries`,
    // The file name is the id. A front-matter `slug` is rejected by the schema, so it can't override it.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    retainBody: false,
  }),
  // The entry schema, with zod's compiled fast path (src/schema/zod.ts): the same answers, sooner.
  schema: compiled(makeEntrySchema(ctx)),
});

const neighbourhoods = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: `${dir}/neighbourhoods`,
    generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
  }),
  schema: neighbourhoodSchema,
});

const categories = defineCollection({
  loader: file(`${dir}/categories.yaml`),
  schema: categorySchema,
});

export const collections = { entries, neighbourhoods, categories };
