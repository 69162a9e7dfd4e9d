/**
 * DuckDB's error messages, as one line that says where in the query the error is. DuckDB shows
 * the place as `LINE n: <the line>` and a caret under it; the place is an offset into the whole
 * text given to it, drawn against the failing statement's text (so, for a statement after the
 * first, it is undone against that statement's text). Pure.
 */
import { lineAndColumn, offsetOf } from './statements.ts';

const placeLine = /^LINE (\d+): (.*)$/;

/**
 * The offset DuckDB points at, read from `message` as drawn against `drawn` (the text the
 * caret was placed in), or undefined when the message has no place.
 */
export function pointedOffset(message: string, drawn: string): number | undefined {
  const lines = message.split('\n');
  const at = lines.findIndex((l) => placeLine.test(l));
  if (at < 0) return undefined;
  const [, number, snippet = ''] = placeLine.exec(lines[at] ?? '') ?? [];
  const line = Number(number);
  const caret = (lines[at + 1] ?? '').indexOf('^');
  if (caret < 0) return undefined;
  let column = caret - `LINE ${number}: `.length;
  if (snippet.startsWith('...')) {
    // A long line is drawn cut to the part around the place.
    const start = offsetOf(drawn, line, 0);
    if (start === undefined) return undefined;
    const end = drawn.indexOf('\n', start);
    const whole = drawn.slice(start, end < 0 ? undefined : end);
    const visible = snippet.slice(3).replace(/\.\.\.$/, '');
    const found = whole.indexOf(visible);
    if (found < 0) return undefined;
    column = found + column - 3;
  }
  return offsetOf(drawn, line, column);
}

/** The message without its drawn place, on one line. */
export function messageLine(message: string): string {
  const lines = message.replace(/^Failed to extract statements: /, '').split('\n');
  const at = lines.findIndex((l) => placeLine.test(l));
  const kept = at < 0 ? lines : [...lines.slice(0, at), ...lines.slice(at + 2)];
  return kept
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** `line 3, column 5`, for an offset into the whole query. */
export function placeText(query: string, offset: number): string {
  const { line, column } = lineAndColumn(query, offset);
  return `line ${line}, column ${column}`;
}
