/** What a build has to recompute: the event range of files ingested since the last build. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { WarehouseError } from '../lib/errors.ts';
import { buildRunsTable, ingestedFilesTable } from '../ingest/registry-tables.ts';

export interface PendingWork {
  /** Start of the last successful build (UTC, `YYYY-MM-DD HH:MM:SS`), undefined before the first. */
  lastBuildStartedAt: string | undefined;
  /** Event range (UTC dates, inclusive) touched by files ingested since then, if any. */
  range: { start: string; end: string } | undefined;
}

async function tableExists(connection: DuckDBConnection, qualified: string): Promise<boolean> {
  const [schema, name] = qualified.split('.');
  const reader = await connection.runAndReadAll(
    'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $schema AND table_name = $name',
    { schema: schema ?? '', name: name ?? '' },
  );
  return Number(reader.getRowObjectsJson()[0]?.n ?? 0) > 0;
}

async function hasColumn(
  connection: DuckDBConnection,
  qualified: string,
  column: string,
): Promise<boolean> {
  const [schema, name] = qualified.split('.');
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.columns
     WHERE table_schema = $schema AND table_name = $name AND column_name = $column`,
    { schema: schema ?? '', name: name ?? '', column },
  );
  return Number(reader.getRowObjectsJson()[0]?.n ?? 0) > 0;
}

/** Month-aligned bounds: restatement works on whole months. */
export function monthBounds(first: string, last: string): { start: string; end: string } {
  const start = `${first.slice(0, 7)}-01`;
  const [year, month] = last.slice(0, 7).split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start, end: `${last.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

/** Fails with the fix when no partner reference data was ingested: nothing could be named. */
export async function requireReferenceData(connection: DuckDBConnection): Promise<void> {
  const loaded =
    (await tableExists(connection, 'raw.reference_partners')) &&
    Number(
      (
        await connection.runAndReadAll('SELECT count(*) AS n FROM raw.reference_partners')
      ).getRowObjectsJson()[0]?.n ?? 0,
    ) > 0;
  if (!loaded) {
    throw new WarehouseError('no partner reference data in the warehouse', {
      fix: 'ingest it first: roam ingest data/reference (or your own partners.csv, sla_agreements.csv…)',
    });
  }
}

/**
 * Only complete months are built (cron @monthly), so a restatement ends with the last day of the
 * month before `now`; undefined when nothing of the range has been built yet.
 */
export function clampToCompleteMonths(
  range: { start: string; end: string },
  now: Date,
): { start: string; end: string } | undefined {
  const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const lastComplete = lastDay.toISOString().slice(0, 10);
  if (range.start > lastComplete) return undefined;
  return { start: range.start, end: range.end < lastComplete ? range.end : lastComplete };
}

export async function pendingWork(
  connection: DuckDBConnection,
  now = new Date(),
): Promise<PendingWork> {
  if (!(await tableExists(connection, buildRunsTable.name))) {
    return { lastBuildStartedAt: undefined, range: undefined };
  }
  const last = await connection.runAndReadAll(
    `SELECT max(started_at)::VARCHAR AS started FROM ${buildRunsTable.name}`,
  );
  const lastBuildStartedAt = last.getRowObjectsJson()[0]?.started as string | null | undefined;
  if (lastBuildStartedAt == null) return { lastBuildStartedAt: undefined, range: undefined };
  // New reference data (partners, agreements, code tables) changes every month already built;
  // otherwise only the months of the file versions loaded since, and of the versions they replaced
  // (their rows are gone). A file seen again (the same content) adds no registry row: nothing to do.
  const referenceChanged = `EXISTS (
    SELECT 1 FROM ${ingestedFilesTable.name}
    WHERE kind LIKE 'reference-%' AND ingested_at > $since::TIMESTAMP)`;
  // A registry written before replaced_at existed (no ingest since roam was updated) lacks it.
  const replacedSince = (await hasColumn(connection, ingestedFilesTable.name, 'replaced_at'))
    ? ' OR f.replaced_at > $since::TIMESTAMP'
    : '';
  const touchedSince = `(f.ingested_at > $since::TIMESTAMP${replacedSince})`;
  // A RAP file's own time is its creation; its returns count in the month of the TAP events and
  // files they return (int_rap_returns_linked): those TAP files' months are touched too. A fatal
  // or severe return names its file; a missing return counts after the last file received
  // before the gap.
  const reader = await connection.runAndReadAll(
    `WITH touched AS (
       SELECT f.* FROM ${ingestedFilesTable.name} AS f
       WHERE f.first_event_at IS NOT NULL
         AND CASE WHEN ${referenceChanged} THEN f.status = 'loaded' ELSE ${touchedSince} END),
     returned AS (
       SELECT t.first_event_at, t.last_event_at,
              row_number() OVER (
                PARTITION BY r.file_id, r.return_index
                ORDER BY TRY_CAST(t.sequence_number AS INTEGER) DESC) AS nearest
       FROM touched AS f
       JOIN raw.rap_returns AS r ON r.file_id = f.file_id
       JOIN ${ingestedFilesTable.name} AS t
         ON t.kind = 'tap' AND t.status = 'loaded'
        AND t.sender = f.recipient AND t.recipient = f.sender
        AND CASE WHEN r.kind = 'missing'
              THEN TRY_CAST(t.sequence_number AS INTEGER) < TRY_CAST(r.start_missing_seq_number AS INTEGER)
              ELSE t.sequence_number = r.file_sequence_number END
       WHERE f.kind = 'rap' AND r.kind IN ('fatal', 'severe', 'missing')),
     ranges AS (
       SELECT first_event_at, last_event_at FROM touched
       UNION ALL
       SELECT first_event_at, last_event_at FROM returned WHERE nearest = 1)
     SELECT min(first_event_at)::VARCHAR AS first, max(last_event_at)::VARCHAR AS last FROM ranges`,
    { since: lastBuildStartedAt },
  );
  const row = reader.getRowObjectsJson()[0];
  const first = row?.first as string | null | undefined;
  const lastEvent = row?.last as string | null | undefined;
  return {
    lastBuildStartedAt,
    range:
      first == null || lastEvent == null
        ? undefined
        : clampToCompleteMonths(monthBounds(first, lastEvent), now),
  };
}
