/**
 * Which source a file is, asked of every source in registry order (index.ts): detection knows no
 * source by name. Ingest adds the column names DuckDB reads for CSV, Parquet and JSON lines
 * (ingest/detect.ts); `roam decode` uses the first bytes alone.
 */
import type { Source, Unrecognised } from './source.ts';

/** The first source that takes a file from its first bytes. */
export function sourceByHead(bytes: Uint8Array, sources: readonly Source[]): Source | undefined {
  return sources.find((s) => 'head' in s.recognise && s.recognise.head(bytes));
}

/** The first source recognised by its columns whose columns a file's header holds. */
export function sourceByColumns(
  names: readonly string[],
  sources: readonly Source[],
): Source | undefined {
  const present = new Set(names.map((n) => n.trim().toLowerCase()));
  return sources.find(
    (s) => 'columns' in s.recognise && s.recognise.columns.every((c) => present.has(c)),
  );
}

/** Why a file no source took looks like one of theirs all the same (the first who says), if so. */
export function whyNoSource(
  bytes: Uint8Array,
  size: number,
  sources: readonly Source[],
): Unrecognised | undefined {
  for (const s of sources) {
    const why = 'head' in s.recognise ? s.recognise.why?.(bytes, size) : undefined;
    if (why !== undefined) return why;
  }
  return undefined;
}

/** The sources' titles as a list in words: `TAP, RAP or NRTRDE`. */
export function titlesOf(sources: readonly Source[]): string {
  const titles = sources.map((s) => s.title);
  return titles.length <= 1
    ? (titles[0] ?? '')
    : `${titles.slice(0, -1).join(', ')} or ${titles.at(-1) as string}`;
}
