import type { ParseArgsConfig } from 'node:util';
import type { Format, Output } from './output.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What every command receives: global options already resolved. */
export interface CommandContext {
  /** Path of the DuckDB warehouse file. */
  readonly warehouse: string;
  readonly output: Output;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  readonly name: string;
  /** One line for `roam --help`. */
  readonly summary: string;
  /** Usage and option text for `roam <command> --help`. */
  readonly help: string;
  /** The output formats it offers (default text and json). */
  readonly formats?: readonly Format[];
  /** The command's own options (the global ones are added by the CLI). */
  readonly options: OptionSpec;
  /** Runs the command; resolves to the exit code (0 ok, 1 known failure). */
  run(args: { values: OptionValues; positionals: string[] }, ctx: CommandContext): Promise<number>;
}

/** Reads a string option, or undefined when absent. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
