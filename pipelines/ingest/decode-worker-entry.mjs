// Worker bootstrap when roam runs from its TypeScript sources (tests, benchmarks): the TypeScript
// loader for this thread, then the worker itself. The compiled CLI (dist/) starts
// decode-worker.js directly (see decode-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
