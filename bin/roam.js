#!/usr/bin/env node
// Entry point: runs the CLI compiled to dist/ (by the setup step or `npm run build`). When the
// TypeScript sources changed since that build, it is built again first, and that is said.
import { ensureBuilt } from '../pipelines/setup/build.mjs';

ensureBuilt();
await import(new URL('../dist/pipelines/cli.js', import.meta.url).href);
