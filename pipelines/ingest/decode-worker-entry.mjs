// Worker bootstrap: TypeScript loader for this thread, then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
