import { defineConfig } from 'vitest/config';

// Unit tests only (`*.test.ts`, Node). Browser tests are `*.e2e.ts`, run by Playwright's own runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
