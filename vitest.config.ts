import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipelines/**/*.test.ts', 'reports/**/*.test.ts', 'tests/**/*.test.ts'],
    // The CLI the tests spawn runs compiled JavaScript (dist/): built first when stale.
    globalSetup: ['pipelines/setup/vitest-build.mjs'],
    // A build of the six-month sample takes tens of seconds on two cores.
    testTimeout: 240_000,
    hookTimeout: 600_000,
    // Integration tests share SQLMesh, Chromium and DuckDB files: keep them in one worker.
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
