/**
 * SQLMesh's external model file, generated from the raw table definitions (one source of truth).
 * Pure: tables in, YAML text out.
 */
import type { RawTable } from '../columns/raw-table.ts';

export const externalModelsHeader =
  '# Generated from the raw table definitions in pipelines/ (raw-schema.ts files) by roam build.\n' +
  '# Do not edit: change the TypeScript definition instead.\n';

const yamlString = (text: string) => JSON.stringify(text);

export function renderExternalModels(tables: readonly RawTable[]): string {
  const blocks = tables.map((table) => {
    const columns = table.columns.map((c) => `    ${c.name}: ${c.type}`).join('\n');
    const descriptions = table.columns
      .map((c) => `    ${c.name}: ${yamlString(c.description)}`)
      .join('\n');
    return [
      `- name: ${table.name}`,
      `  description: ${yamlString(table.description)}`,
      '  columns:',
      columns,
      '  column_descriptions:',
      descriptions,
    ].join('\n');
  });
  return `${externalModelsHeader}${blocks.join('\n')}\n`;
}
