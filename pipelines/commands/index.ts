import type { Command } from '../lib/command.ts';
import { buildCommand } from './build.ts';
import { ingestCommand } from './ingest.ts';
import { reportCommand } from './report.ts';

/** Every command, in the order `roam --help` lists them. */
export const commands: readonly Command[] = [ingestCommand, buildCommand, reportCommand];
