// vitest's global setup: before any test runs, the compiled CLI that tests spawn (bin/roam.js runs
// dist/) is built again if a TypeScript source changed since the last build. Tests that import
// modules run the TypeScript sources themselves.
import { ensureBuilt } from './build.mjs';

export default function setup() {
  ensureBuilt();
}
