/** `roam ingest` as a child process: run to its end, or killed with SIGKILL after a delay. */
import { execa } from 'execa';
import path from 'node:path';
import { projectRoot } from '../../pipelines/lib/paths.ts';

export interface IngestRun {
  /** The child was killed before it ended by itself. */
  killed: boolean;
  exitCode: number | undefined;
  ms: number;
  stderr: string;
}

/** Runs `roam ingest PATHS --warehouse W`; with `killAfterMs`, SIGKILLs it then unless it ended. */
export async function ingestRun(
  paths: readonly string[],
  warehouse: string,
  killAfterMs?: number,
): Promise<IngestRun> {
  const started = performance.now();
  const child = execa(
    process.execPath,
    [path.join(projectRoot, 'bin', 'roam.js'), 'ingest', ...paths, '--warehouse', warehouse],
    { reject: false, stdin: 'ignore', env: { CI: 'true' } },
  );
  let killed = false;
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
  const result = await child;
  clearTimeout(timer);
  return {
    killed: killed && result.signal === 'SIGKILL',
    exitCode: result.exitCode,
    ms: performance.now() - started,
    stderr: result.stderr,
  };
}
