/** DuckDB reports CSV errors by line; users want the byte offset too. */
import { createReadStream } from 'node:fs';

/** The line number DuckDB names in a CSV error, if any. */
export function csvErrorLine(message: string): number | undefined {
  const match = /CSV Error on Line: (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

/** Byte offset where 1-based `line` starts, streamed. */
export async function byteOffsetOfLine(file: string, line: number): Promise<number | undefined> {
  if (line <= 1) return 0;
  let seen = 1;
  let offset = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    let at = bytes.indexOf(10);
    while (at !== -1) {
      seen += 1;
      if (seen === line) return offset + at + 1;
      at = bytes.indexOf(10, at + 1);
    }
    offset += bytes.length;
  }
  return undefined;
}

/** The first meaningful line of a DuckDB error: the conversion or parse problem itself. */
export function csvErrorSummary(message: string): string {
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (fields !== null) {
    const [, expected, found] = fields;
    return `a row of ${found} fields where the header has ${expected}`;
  }
  const lines = message.split('\n').map((l) => l.trim());
  return (
    lines.find((l) => /Could not convert|Expected Number of Columns|invalid|Error when/i.test(l)) ??
    lines[0] ??
    message
  );
}
