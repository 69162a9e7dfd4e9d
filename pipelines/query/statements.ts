/**
 * Where each statement of a SQL text starts and ends: top-level semicolons, outside strings,
 * quoted names and comments. Only for saying where an error is and for taking the last
 * statement's text; DuckDB itself decides what the statements are (this agrees when the counts
 * match, which callers check).
 */

export interface Segment {
  /** Offset just after the previous statement's `;` (0 for the first): where DuckDB starts it. */
  start: number;
  /** Offset of its `;`, or the end of the text. */
  end: number;
}

const dollarQuote = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

/** The end of what starts at `i` when it is a string, quoted name or comment, else -1. */
function skipQuoted(text: string, i: number): number {
  const c = text[i];
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '') && !/\w/.test(text[i - 2] ?? '');
    for (let j = i + 1; j < text.length; j++) {
      if (escapes && text[j] === '\\') j++;
      else if (text[j] === c) {
        if (text[j + 1] === c) j++;
        else return j + 1;
      }
    }
    return text.length;
  }
  if (c === '-' && text[i + 1] === '-') {
    const newline = text.indexOf('\n', i);
    return newline < 0 ? text.length : newline + 1;
  }
  if (c === '/' && text[i + 1] === '*') {
    let depth = 1;
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === '/' && text[j + 1] === '*') {
        depth++;
        j++;
      } else if (text[j] === '*' && text[j + 1] === '/') {
        j++;
        if (--depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  if (c === '$') {
    dollarQuote.lastIndex = i;
    const open = dollarQuote.exec(text);
    if (open !== null) {
      const close = text.indexOf(open[0], i + open[0].length);
      return close < 0 ? text.length : close + open[0].length;
    }
  }
  return -1;
}

/** The statements of `text` that hold more than blanks and comments, in order. */
export function splitStatements(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let empty = true;
  for (let i = 0; i < text.length;) {
    const skipped = skipQuoted(text, i);
    if (skipped >= 0) {
      if (text[i] !== '-' && text[i] !== '/') empty = false;
      i = skipped;
      continue;
    }
    if (text[i] === ';') {
      if (!empty) segments.push({ start, end: i });
      start = i + 1;
      empty = true;
    } else if (!/\s/.test(text[i] ?? '')) empty = false;
    i++;
  }
  if (!empty) segments.push({ start, end: text.length });
  return segments;
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

/** The offset of 1-based `line`, 0-based `column` in `text`, or undefined past its end. */
export function offsetOf(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return undefined;
    offset = newline + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return offset + column <= end ? offset + column : undefined;
}
