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

/** A file could not be loaded into the warehouse. */
export class LoadError extends RoamError {
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown; fix?: string },
  ) {
    super(message, options);
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
  }
}
