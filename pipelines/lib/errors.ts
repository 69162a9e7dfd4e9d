/**
 * Known failure kinds. Each prints one clean line and exits 1; anything else is a crash (exit 2).
 * The original error, when there is one, is kept as `cause`.
 */
export class RoamError extends Error {
  /** The one-line fix shown to the user, when there is one. */
  readonly fix: string | undefined;

  constructor(message: string, options?: { cause?: unknown; fix?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.fix = options?.fix;
  }
}

/** The command line itself is wrong (unknown command or option, missing argument). */
export class UsageError extends RoamError {}

/** Something the project needs is not installed (Chromium, the Python venv, SQLMesh). */
export class SetupError extends RoamError {}

/** The warehouse cannot be opened: locked by another process, missing, or not a DuckDB file. */
export class WarehouseError extends RoamError {}

/** A file could not be loaded into the warehouse; where in it, when that is known. */
export class LoadError extends RoamError {
  readonly recordIndex: number | undefined;
  readonly byteOffset: number | undefined;

  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown; fix?: string; recordIndex?: number; byteOffset?: number },
  ) {
    super(message, options);
    this.recordIndex = options?.recordIndex;
    this.byteOffset = options?.byteOffset;
  }
}

/** A SQLMesh command failed: the command, its exit code and the last lines it wrote to stderr. */
export class SqlmeshError extends RoamError {
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | undefined,
    readonly stderrTail: string[],
    options?: { cause?: unknown; fix?: string },
  ) {
    super(message, options);
  }
}

/** A report could not be rendered. */
export class ReportError extends RoamError {}

/** The text shown for a known error: the message, then the fix when there is one. */
export function describeError(error: RoamError): string {
  return error.fix === undefined ? error.message : `${error.message} — fix: ${error.fix}`;
}

/** A file could not be decoded: where, in bytes and in the ASN.1 structure. */
export class DecodeError extends RoamError {
  /** The message without its place (file, offset, record, path). */
  readonly detail: string;

  constructor(
    message: string,
    readonly file: string,
    readonly byteOffset: number,
    readonly tagPath: string,
    readonly recordIndex?: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${file}: ${message} at byte ${byteOffset}` +
        (recordIndex === undefined ? '' : `, record ${recordIndex}`) +
        (tagPath === '' ? '' : ` (${tagPath})`),
      options,
    );
    this.detail = message;
  }
}

/**
 * The one place that tells bad input from a bug: a file that cannot be decoded or loaded is the
 * input's fault (ingest quarantines it); anything else is a crash, re-thrown untouched.
 */
export function isInputError(error: unknown): error is LoadError | DecodeError {
  return error instanceof LoadError || error instanceof DecodeError;
}
