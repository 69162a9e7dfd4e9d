/** How a raw table is described once, in TypeScript: DDL and SQLMesh's external model come from it. */
export interface RawColumn {
  readonly name: string;
  /** DuckDB type, e.g. `VARCHAR`, `TIMESTAMP`, `DECIMAL(18,6)`. */
  readonly type: string;
  readonly description: string;
}

export interface RawTable {
  /** Qualified name, e.g. `raw.probe_xdr`. */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly RawColumn[];
}

export function createTableSql(table: RawTable): string {
  const columns = table.columns.map((c) => `  ${c.name} ${c.type}`).join(',\n');
  return `CREATE TABLE IF NOT EXISTS ${table.name} (\n${columns}\n)`;
}
