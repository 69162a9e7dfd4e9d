import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import type { Format, Output } from './output.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What every command receives: global options already resolved. */
/** Where models are built: the warehouse (DuckDB) or Spark over the lake. */
export type Engine = 'duckdb' | 'spark';

export interface CommandContext {
  /**
   * Path of the DuckDB warehouse file (with --engine spark, for a command that reads the marts:
   * the marts file of the last Spark build).
   */
  readonly warehouse: string;
  readonly output: Output;
  readonly engine?: Engine;
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
  /** It reads the marts: with --engine spark, those of the last Spark build. */
  readonly readsMarts?: boolean;
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

export interface WholeNumberRange {
  min: number;
  /** Largest value taken (default: the largest safe integer). */
  max?: number;
  /** A value to show in the fix (`e.g. --months 2`). */
  example: number;
  /** A fix to say instead of the example. */
  fix?: string;
}

/**
 * The whole number an option's text gives (digits only: no sign, point, exponent or hex), or
 * undefined when the option is absent; otherwise a UsageError naming the option and what it takes.
 */
export function wholeNumber(
  name: string,
  text: string | undefined,
  range: WholeNumberRange,
): number | undefined {
  if (text === undefined) return undefined;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const n = Number(text);
  if (/^\d+$/.test(text) && Number.isSafeInteger(n) && n >= range.min && n <= max) return n;
  const takes =
    range.max === undefined
      ? `a whole number of at least ${range.min}`
      : `a whole number from ${range.min} to ${range.max.toLocaleString('en')}`;
  throw new UsageError(`--${name} takes ${takes}, not '${text}'`, {
    fix: range.fix ?? `e.g. --${name} ${range.example}`,
  });
}
