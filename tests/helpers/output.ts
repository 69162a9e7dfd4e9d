/** An Output that keeps what a command prints, for tests that run a command in-process. */
import type { Format, Output } from '../../pipelines/lib/output.ts';

export interface Captured {
  output: Output;
  /** Everything written to stdout, as one text. */
  stdout: () => string;
  /** The lines written to stderr. */
  stderr: string[];
}

export function captureOutput(format: Format = 'text', terminalWidth?: number): Captured {
  let stdout = '';
  const stderr: string[] = [];
  const output: Output = {
    format,
    interactive: false,
    terminalWidth,
    result: (text) => void (stdout += `${text}\n`),
    write: (text) => Promise.resolve(void (stdout += text)),
    json: (value) => void (stdout += `${JSON.stringify(value, null, 2)}\n`),
    info: (text) => void stderr.push(text),
    warn: (text) => void stderr.push(`warning: ${text}`),
    error: (text) => void stderr.push(`error: ${text}`),
  };
  return { output, stdout: () => stdout, stderr };
}
