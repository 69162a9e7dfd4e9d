import type { Command } from '../lib/command.ts';
import { buildCommand } from './build.ts';
import { decodeCommand } from './decode.ts';
import { demoCommand } from './demo.ts';
import { exchangeCommand } from './exchange.ts';
import { doctorCommand } from './doctor.ts';
import { generateCommand } from './generate.ts';
import { ingestCommand } from './ingest.ts';
import { lakeCommand } from './lake.ts';
import { reportCommand } from './report.ts';
import { sqlCommand } from './sql.ts';

/** Every command, in the order `roam --help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
  ingestCommand,
  buildCommand,
  lakeCommand,
  reportCommand,
  sqlCommand,
  exchangeCommand,
  decodeCommand,
  doctorCommand,
  generateCommand,
];
