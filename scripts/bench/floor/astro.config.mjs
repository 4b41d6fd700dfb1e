// The floor for `npm run bench`: the same entries built as bare Astro pages (one per entry,
// no schema, no layout, no islands), indexed by Pagefind. The full build is measured against it.
import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.BOOK_OUT ?? 'dist',
  cacheDir: `../../../node_modules/.astro-floor`,
  devToolbar: { enabled: false },
});
