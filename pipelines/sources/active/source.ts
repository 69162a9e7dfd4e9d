/** Active tests: test calls, sessions and messages placed on partner networks. */
import { tabularSource } from '../shared/tabular.ts';
import { activeTestsTable } from './raw-schema.ts';

export const activeTestsSource = tabularSource('active-tests', 'active tests', activeTestsTable, {
  timeColumn: 'test_time',
});
