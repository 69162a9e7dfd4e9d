import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringOption, type Command } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { projectRoot } from '../lib/paths.ts';
import { withWarehouse } from '../lib/warehouse.ts';
import { exchangeCsv } from '../exchange/csv.ts';
import { readExchangeContent } from '../exchange/export.ts';
import { sealed } from '../exchange/integrity.ts';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export const exchangeCommand: Command = {
  name: 'exchange',
  readsMarts: true,
  summary: 'write our KPI exchange file for a partner (roam-kpi-exchange, docs/kpi-exchange.md)',
  help: `Usage: roam exchange export --partner TADIG --month YYYY-MM [--out FILE] [--format csv] [--sign KEYFILE]

Writes our measurement of the agreement with the partner for the month as a roam-kpi-exchange
version 1 file (docs/kpi-exchange.md; JSON Schema in pipelines/exchange/): sender (our network),
recipient, period, and one entry per KPI of marts.fct_partner_kpi_monthly with its numbers and the
target we hold, directions from our side. No subscriber identifier, nothing of any other partner.
The file carries a sha256 of its canonical content; --sign adds an Ed25519 signature made with
the private key in KEYFILE (PEM, PKCS#8), which the partner verifies with our public key.
The path written is printed on stdout. A partner's file comes in through roam ingest, checked
(schema, checksum, recipient, the partner's key in partner_keys.csv) and reconciled with ours in
marts.fct_kpi_reconciliation.

Options:
  --partner TADIG   the partner the file is for
  --month YYYY-MM   the month measured
  --out FILE        where to write it (default data/exchange/YYYY-MM/kpi-US-THEM-YYYY-MM.json)
  --format csv      the same rows as CSV for a spreadsheet (not signed; send the JSON)
  --sign KEYFILE    sign with this Ed25519 private key`,
  formats: ['text', 'json', 'csv'],
  options: {
    partner: { type: 'string' },
    month: { type: 'string' },
    out: { type: 'string' },
    sign: { type: 'string' },
  },
  async run({ values, positionals }, { warehouse, output }) {
    const [action, ...rest] = positionals;
    if (action !== 'export' || rest.length > 0) {
      throw new UsageError(`roam exchange has no '${positionals.join(' ')}'`, {
        fix: 'roam exchange export --partner TADIG --month YYYY-MM',
      });
    }
    const partner = stringOption(values, 'partner')?.toUpperCase();
    const month = stringOption(values, 'month');
    if (partner === undefined || month === undefined || !monthPattern.test(month)) {
      throw new UsageError('roam exchange export needs --partner TADIG and --month YYYY-MM', {
        fix: 'e.g. roam exchange export --partner FRATW --month 2026-10',
      });
    }
    const keyFile = stringOption(values, 'sign');
    const key = keyFile === undefined ? undefined : await readFile(keyFile, 'utf8');
    const content = await withWarehouse(warehouse, 'read', (connection) =>
      readExchangeContent(connection, partner, month, new Date()),
    );
    const document = sealed(content, key);
    const csv = output.format === 'csv';
    const file =
      stringOption(values, 'out') ??
      path.join(
        projectRoot,
        'data',
        'exchange',
        month,
        `kpi-${document.sender.tadig}-${document.recipient.tadig}-${month}.${csv ? 'csv' : 'json'}`,
      );
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, csv ? exchangeCsv(document) : `${JSON.stringify(document, null, 2)}\n`);
    output.result(file);
    return 0;
  },
};
