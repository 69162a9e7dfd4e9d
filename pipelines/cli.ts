/**
 * roam's command line: global options, then one command. Known errors print one line and exit 1;
 * anything else prints its stack and exits 2.
 */
import { parseArgs } from 'node:util';
import { commands } from './commands/index.ts';
import { describeError, RoamError, UsageError } from './lib/errors.ts';
import { createOutput, type Format } from './lib/output.ts';
import { defaultWarehousePath } from './lib/paths.ts';
import type { Command, Engine, OptionSpec } from './lib/command.ts';
import { sparkMartsFor } from './lib/sqlmesh.ts';

const globalOptions: OptionSpec = {
  warehouse: { type: 'string' },
  format: { type: 'string' },
  engine: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const globalHelp = `Global options:
  --warehouse PATH   DuckDB warehouse file (default data/warehouse.duckdb, or $ROAM_WAREHOUSE)
  --format FORMAT    text (default) or json; roam decode also jsonl, roam report also html,
                     roam sql also jsonl, csv, tsv and markdown
  --engine ENGINE    duckdb (default) or spark: roam build builds on Spark over the lake
                     (--lake), and roam report, sql and exchange read the marts of the last
                     Spark build (PATH.spark/marts.duckdb) instead of the warehouse's
  -h, --help         show help`;

function parseEngine(value: unknown): Engine {
  if (value === undefined || value === 'duckdb') return 'duckdb';
  if (value === 'spark') return 'spark';
  throw new UsageError(`unknown --engine ${JSON.stringify(value)}`, {
    fix: 'use --engine duckdb (the default) or --engine spark',
  });
}

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `roam: roaming analytics pipeline and reporting warehouse

Usage: roam [global options] <command> [options]

Commands:
${lines.join('\n')}

${globalHelp}

Run 'roam <command> --help' for a command's options.`;
}

function parseFormat(value: unknown, command: Command): Format {
  if (value === undefined) return 'text';
  const offered = command.formats ?? ['text', 'json'];
  const format = offered.find((f) => f === value);
  if (format === undefined) {
    throw new UsageError(`roam ${command.name} has no --format ${JSON.stringify(value)}`, {
      fix: `use ${offered.map((f) => `--format ${f}`).join(' or ')}`,
    });
  }
  return format;
}

function findCommand(name: string | undefined): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** The arguments before the command name (global options only), the name, and those after it. */
interface Split {
  before: string[];
  name: string | undefined;
  after: string[];
}

/**
 * Splits the command line at the command name, so that global options may come before it
 * (`roam --format json sql …`). Anything else before the name is refused.
 */
function splitAtCommand(argv: readonly string[]): Split {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) break;
    const option = /^--([^=]+)(=.*)?$/.exec(arg);
    const spec = option === null ? undefined : globalOptions[option[1] ?? ''];
    if (arg === '-h' || spec?.type === 'boolean') i += 1;
    else if (spec?.type === 'string' && option?.[2] !== undefined) i += 1;
    else if (spec?.type === 'string') {
      if (i + 1 >= argv.length) {
        throw new UsageError(`option ${arg} needs a value`, { fix: "run 'roam --help'" });
      }
      i += 2;
    } else {
      throw new UsageError(`unknown global option '${arg}' before the command`, {
        fix: "put a command's own options after its name (roam --help)",
      });
    }
  }
  return { before: argv.slice(0, i), name: argv[i], after: argv.slice(i + 1) };
}

/**
 * `--months -1` as `--months=-1`: the parser refuses a value that starts with a dash, so a
 * negative number reaches the option's own check, which says what the option takes.
 */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const isString = name !== undefined && options[name]?.type === 'string';
    if (isString && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** Parses a command's arguments; the parser's own errors become one UsageError line. */
function parseCommandLine(command: Command, args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? '';
    const fix = `run 'roam ${command.name} --help'`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`roam ${command.name} has no option ${option}`, { fix });
    if (/does not take an argument/.test(message))
      throw new UsageError(`${option} takes no value`, { fix });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${option} needs a value`, {
        fix: `give it after the option; one that starts with '-' as ${option}=VALUE`,
      });
    }
    throw new UsageError(message.split('\n')[0] ?? message, { fix });
  }
}

export async function main(argv: string[]): Promise<number> {
  const { before, name, after } = splitAtCommand(argv);
  const asksHelp = before.some((a) => a === '--help' || a === '-h');
  if (name === undefined || name === 'help' || (asksHelp && findCommand(name) === undefined)) {
    process.stdout.write(`${mainHelp()}\n`);
    return name === undefined && !asksHelp ? 1 : 0;
  }
  const command = findCommand(name);
  if (command === undefined) {
    throw new UsageError(`unknown command '${name}'`, { fix: "run 'roam --help' for the list" });
  }
  const options = { ...globalOptions, ...command.options };
  const { values, positionals } = parseCommandLine(
    command,
    joinNegativeValues([...before, ...after], options),
    options,
  );
  if (values.help === true) {
    process.stdout.write(`${command.help}\n\n${globalHelp}\n`);
    return 0;
  }
  const output = createOutput(parseFormat(values.format, command));
  const given = typeof values.warehouse === 'string' ? values.warehouse : defaultWarehousePath();
  const engine = parseEngine(values.engine);
  const warehouse =
    engine === 'spark' && command.readsMarts === true ? sparkMartsFor(given) : given;
  return command.run({ values, positionals }, { warehouse, output, engine });
}

function exitCodeFor(error: unknown): number {
  if (error instanceof RoamError) {
    process.stderr.write(`roam: ${describeError(error)}\n`);
    return 1;
  }
  process.stderr.write(
    `roam crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 2;
}

// A reader that stops early (roam sql … | head) closes stdout: that ends the output, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = exitCodeFor(error);
}
