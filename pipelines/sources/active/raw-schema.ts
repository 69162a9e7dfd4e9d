import { rawTable } from '../../columns/raw-table.ts';

/** Active (robot) tests: one row per test call, SMS or data session made in a partner's network. */
export const activeTestsTable = rawTable(
  'raw.active_tests',
  'Active test results (voice, SMS, data) per partner, as delivered.',
  [
    ['test_time', 'TIMESTAMP', 'Start of the test, UTC'],
    ['partner_tadig', 'VARCHAR', 'TADIG code of the roaming partner'],
    ['direction', 'VARCHAR', 'outbound or inbound'],
    ['service', 'VARCHAR', 'voice, sms or data'],
    ['test_type', 'VARCHAR', 'voice-mo, voice-mt, sms-mo, sms-mt or data-session'],
    ['success', 'BOOLEAN', 'The call was set up, the SMS delivered, the session opened'],
    ['failure_cause', 'VARCHAR', 'Why it failed; NULL on success', 'optional'],
    ['setup_time_ms', 'DOUBLE', 'Call or session setup time, ms', 'optional'],
    ['mos', 'DOUBLE', 'Voice quality, mean opinion score 1–5', 'optional'],
    ['cli_delivered', 'BOOLEAN', 'Voice: the calling number arrived intact', 'optional'],
    ['delivery_time_ms', 'DOUBLE', 'SMS: end-to-end delivery time, ms', 'optional'],
  ],
  { fileId: true },
);
