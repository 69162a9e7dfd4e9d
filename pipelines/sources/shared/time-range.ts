/** The earliest and latest of a file's event times, for its summary (source.ts, FileSummary). */
export class TimeRange {
  first: string | null = null;
  last: string | null = null;

  /** Adds an ISO timestamp (strings compare in time order). */
  add(utc: string | null): void {
    if (utc === null) return;
    if (this.first === null || utc < this.first) this.first = utc;
    if (this.last === null || utc > this.last) this.last = utc;
  }

  /** `YYYY-MM-DDThh:mm:ssZ` → `YYYY-MM-DD hh:mm:ss`. */
  static sql(utc: string | null): string | null {
    return utc === null ? null : utc.replace('T', ' ').replace('Z', '');
  }
}
