import type { RawTable } from '../lib/raw-table.ts';

/** Active (robot) tests: one row per test call, SMS or data session made in a partner's network. */
export const activeTestsTable: RawTable = {
  name: 'raw.active_tests',
  description: 'Active test results (voice, SMS, data) per partner, as delivered.',
  columns: [
    { name: 'test_time', type: 'TIMESTAMP', description: 'Start of the test, UTC' },
    { name: 'partner_tadig', type: 'VARCHAR', description: 'TADIG code of the roaming partner' },
    { name: 'direction', type: 'VARCHAR', description: 'outbound or inbound' },
    { name: 'service', type: 'VARCHAR', description: 'voice, sms or data' },
    {
      name: 'test_type',
      type: 'VARCHAR',
      description: 'voice-mo, voice-mt, sms-mo, sms-mt or data-session',
    },
    {
      name: 'success',
      type: 'BOOLEAN',
      description: 'The call was set up, the SMS delivered, the session opened',
    },
    {
      name: 'failure_cause',
      type: 'VARCHAR',
      description: 'Why it failed; NULL on success',
      optional: true,
    },
    {
      name: 'setup_time_ms',
      type: 'DOUBLE',
      description: 'Call or session setup time, ms',
      optional: true,
    },
    {
      name: 'mos',
      type: 'DOUBLE',
      description: 'Voice quality, mean opinion score 1–5',
      optional: true,
    },
    {
      name: 'cli_delivered',
      type: 'BOOLEAN',
      description: 'Voice: the calling number arrived intact',
      optional: true,
    },
    {
      name: 'delivery_time_ms',
      type: 'DOUBLE',
      description: 'SMS: end-to-end delivery time, ms',
      optional: true,
    },
    {
      name: 'file_id',
      type: 'VARCHAR',
      description: 'sha256 of the source file',
      addedByIngest: true,
    },
  ],
};
