interface ImportMetaEnv {
  /** True in `astro build`, which writes the per-entry calendars and HSDS documents itself (src/server/data-files.ts). */
  readonly BOOK_ENTRY_EXPORTS_BY_BUILD: boolean;
}
