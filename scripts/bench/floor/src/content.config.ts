import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';

const dir = resolve(process.env.BOOK_CONTENT ?? '../../../content');
export const collections = {
  entries: defineCollection({
    loader: glob({
      pattern: '*.md',
      base: `${dir}/entries`,
      generateId: ({ entry }) => entry.replace(/\.md$/, ''),
      retainBody: false,
    }),
  }),
};
