/** The table of validation findings of a source (TAP, RAP, NRTRDE): one row per finding. */
import { rowTable, type RowTable } from '../../columns/row-table.ts';
import type { Finding } from '../source.ts';

/** A table of validation findings (TAP, RAP or NRTRDE): one row per finding. */
export function validationTable(name: string, description: string): RowTable<Finding> {
  return rowTable<Finding>(name, description, {
    recordIndex: ['INTEGER', 'Record the finding is about; NULL for the file'],
    itemPath: ['VARCHAR', 'Item the finding is about'],
    rule: ['VARCHAR', 'Rule id (the rules.ts of its source, under pipelines/sources/)'],
    severity: ['VARCHAR', 'fatal, severe or warning'],
    message: ['VARCHAR', 'What is wrong'],
  });
}
