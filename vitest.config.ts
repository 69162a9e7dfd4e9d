import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipelines/**/*.test.ts', 'reports/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Integration tests share SQLMesh, Chromium and DuckDB files: keep them in one worker.
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
