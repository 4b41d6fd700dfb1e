import { defineConfig } from 'vitest/config';

// Unit tests only (`*.test.ts`, Node). Browser tests are `*.e2e.ts`, run by Playwright's own runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    // The English messages, for the pure modules that write words (src/lib/text/messages.ts `t`).
    setupFiles: ['tests/helpers/messages-setup.ts'],
    // Property tests run thousands of cases; on a busy 2-core machine they need more than 5 s.
    testTimeout: 60_000,
  },
});
