/**
 * VARCHAR columns in DuckDB's own layout, so that a data chunk takes them in one copy: each value is
 * a 16-byte `string_t`, `{ uint32 length; char inlined[12] }` for up to 12 bytes, zero-padded.
 * Short ASCII texts are laid out where the rows are made (the decode worker); longer or non-ASCII
 * ones are handed to DuckDB once per distinct text and chunk, and the other rows with the same text
 * share its `string_t` (pointer included), as DuckDB's dictionary and constant vectors do.
 * Pure of DuckDB (the decode workers build these columns); `duckdb-vectors.ts` hands them over.
 */
/** Rows per data chunk (DuckDB's vector size): texts are shared within a chunk only. */
export const chunkRows = 2048;

export interface TextColumn {
  kind: 'text';
  /** `string_t` of every row: short ASCII texts filled in, the rest zero. */
  inline: Uint8Array;
  /** Per row: -1 (inline or NULL) or the row, in the same chunk, that carries its text. */
  ref: Int32Array;
  /** The texts that are not inline, one per distinct text and chunk, and the rows that carry them. */
  texts: string[];
  textRows: number[];
  valid: Uint8Array;
  nulls: number;
}

/**
 * Builds a text column row by row, so that the strings need not be kept until the batch is taken:
 * short ASCII texts are laid out at once, the others kept once per distinct text and chunk.
 */
export class TextColumnBuilder {
  private inline = new Uint8Array(0);
  private lengths = new Uint32Array(0);
  private ref = new Int32Array(0);
  private valid = new Uint8Array(0);
  private texts: string[] = [];
  private textRows: number[] = [];
  private nulls = 0;
  private shared = new Map<string, number>();
  /** Whether long texts are still looked up in `shared` in this chunk, and how that went. */
  private sharing = true;
  private hits = 0;
  private misses = 0;
  private rows = 0;
  private capacity = 0;
  /** The text of the last non-null row of this chunk and that row (-1: none yet). */
  private previous: string | null = null;
  private previousRow = -1;

  /** `reserve`: rows allocated at the first row (then as many as the last take had room for). */
  constructor(private reserve: number) {}

  private grow(): void {
    const { inline, ref, valid, rows } = this;
    const capacity = rows === 0 ? this.reserve : rows * 2;
    this.capacity = capacity;
    this.inline = new Uint8Array(capacity * 16);
    this.lengths = new Uint32Array(this.inline.buffer);
    this.ref = new Int32Array(capacity).fill(-1);
    this.valid = new Uint8Array(Math.ceil(capacity / 8)).fill(255);
    if (rows > 0) {
      this.inline.set(inline);
      this.ref.set(ref);
      this.valid.set(valid);
    }
  }

  push(text: string | null): void {
    const i = this.rows;
    if (i === this.capacity) this.grow();
    this.rows = i + 1;
    if (i % chunkRows === 0) {
      this.shared.clear();
      this.sharing = true;
      this.hits = 0;
      this.misses = 0;
      this.previousRow = -1;
    }
    if (text === null) {
      this.valid[i >> 3] = (this.valid[i >> 3] as number) & ~(1 << (i & 7));
      this.nulls += 1;
      return;
    }
    // The same text as the last row (a file's sender, a record kind…), often the same string:
    // its string_t and carrier are copied, without laying the text out or looking it up again.
    const before = this.previousRow;
    if (before >= 0 && text === this.previous) {
      const words = this.lengths;
      words[i * 4] = words[before * 4] as number;
      words[i * 4 + 1] = words[before * 4 + 1] as number;
      words[i * 4 + 2] = words[before * 4 + 2] as number;
      words[i * 4 + 3] = words[before * 4 + 3] as number;
      this.ref[i] = this.ref[before] as number;
      this.previousRow = i;
      return;
    }
    this.previous = text;
    this.previousRow = i;
    const n = text.length;
    if (n <= 12) {
      const inline = this.inline;
      const at = i * 16 + 4;
      let j = 0;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c > 127) break;
        inline[at + j] = c;
      }
      if (j === n) {
        this.lengths[i * 4] = n;
        return;
      }
      inline.fill(0, at, at + j);
    }
    if (this.sharing) {
      const first = this.shared.get(text);
      if (first !== undefined) {
        this.ref[i] = first;
        this.hits += 1;
        return;
      }
      this.shared.set(text, i);
      // Mostly distinct texts (IMSIs…): stop looking them up for the rest of the chunk.
      if (++this.misses >= 64 && this.hits < this.misses) this.sharing = false;
    }
    this.texts.push(text);
    this.textRows.push(i);
    this.ref[i] = i;
  }

  /** The column so far; the builder starts again, empty, with room for as many rows. */
  take(): TextColumn {
    const { inline, ref, texts, textRows, valid, nulls } = this;
    const column: TextColumn = { kind: 'text', inline, ref, texts, textRows, valid, nulls };
    this.reserve = Math.max(this.capacity, 1);
    this.capacity = 0;
    this.rows = 0;
    this.previousRow = -1;
    this.texts = [];
    this.textRows = [];
    this.nulls = 0;
    return column;
  }
}

/** A text column from the strings (or NULLs) of each row. */
export function textColumn(values: ReadonlyArray<string | null>): TextColumn {
  const builder = new TextColumnBuilder(Math.max(values.length, 1));
  for (const value of values) builder.push(value ?? null);
  return builder.take();
}

const decoder = new TextDecoder();

/** The text of row `row`, or null. */
export function textAt(column: TextColumn, row: number): string | null {
  if ((((column.valid[row >> 3] as number) >> (row & 7)) & 1) === 0) return null;
  const carrier = column.ref[row] as number;
  if (carrier >= 0) return column.texts[column.textRows.indexOf(carrier)] as string;
  const length =
    (column.inline[row * 16] as number) | ((column.inline[row * 16 + 1] as number) << 8);
  return decoder.decode(column.inline.subarray(row * 16 + 4, row * 16 + 4 + length));
}
