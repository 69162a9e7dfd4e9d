import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFile } from '../asn1/index.ts';
import type { Struct } from '../asn1/types.ts';
import type { CommandContext, OptionValues } from '../lib/command.ts';
import type { Format, Output } from '../lib/output.ts';
import { validBatch } from '../sources/tap/test-fixtures.ts';
import { decodeCommand } from './decode.ts';

interface Captured {
  out: string[];
  err: string[];
}

function capture(format: Format): { output: Output; seen: Captured } {
  const seen: Captured = { out: [], err: [] };
  const output: Output = {
    format,
    interactive: false,
    terminalWidth: undefined,
    result: (text) => void seen.out.push(text),
    write: (text) => Promise.resolve(void seen.out.push(text)),
    json: (value) => void seen.out.push(JSON.stringify(value)),
    info: (text) => void seen.err.push(text),
    warn: (text) => void seen.err.push(`warning: ${text}`),
    error: (text) => void seen.err.push(`error: ${text}`),
  };
  return { output, seen };
}

async function run(files: string[], values: OptionValues = {}, format: Format = 'text') {
  const { output, seen } = capture(format);
  const ctx: CommandContext = { warehouse: ':memory:', output };
  const code = await decodeCommand.run({ values, positionals: files }, ctx);
  return { code, ...seen };
}

let dir = '';
let tap = '';
let broken = '';
let nrtrde = '';
let unknown = '';
let audit: Struct = {};
let tapBytes: Uint8Array = new Uint8Array();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roam-decode-'));
  const s = validBatch();
  audit = { ...s.audit, callEventDetailsCount: 3 }; // one count mismatch: a fatal finding
  tapBytes = encodeFile('TAP-3.12', {
    transferBatch: { ...s.groups, callEventDetails: s.records, auditControlInfo: audit },
  });
  tap = path.join(dir, 'CDDEUD1GBRCN00042');
  broken = path.join(dir, 'CDDEUD1GBRCN00043');
  nrtrde = path.join(dir, 'NRDEUD1GBRCN0000001');
  await writeFile(tap, tapBytes);
  await writeFile(broken, tapBytes.slice(0, Math.floor(tapBytes.length / 2)));
  // An APPLICATION 453 TLV the schema does not know, inside AuditControlInfo (indefinite lengths
  // let it be inserted without touching any length).
  const indefinite = encodeFile(
    'TAP-3.12',
    { transferBatch: { ...s.groups, callEventDetails: s.records, auditControlInfo: s.audit } },
    { indefinite: true },
  );
  const at = Buffer.from(indefinite).lastIndexOf(Buffer.from([0x6f, 0x80])) + 2;
  const extra = Buffer.from([0x5f, 0x83, 0x45, 0x01, 0x07]);
  unknown = path.join(dir, 'CDDEUD1GBRCN00044');
  await writeFile(unknown, Buffer.concat([indefinite.slice(0, at), extra, indefinite.slice(at)]));
  await writeFile(
    nrtrde,
    encodeFile('NRTRDE-2.01', {
      specificationVersionNumber: 2,
      releaseVersionNumber: 1,
      sender: 'DEUD1',
      recipient: 'GBRCN',
      sequenceNumber: '0000001',
      fileAvailableTimeStamp: '20240302030000',
      utcTimeOffset: '+0100',
      callEvents: [{ moc: { imsi: '262011234567890', callEventDuration: 5, chargeAmount: 77 } }],
      callEventsCount: 1,
    }),
  );
});

describe('roam decode', () => {
  it('prints header, events, audit and findings as text', async () => {
    const { code, out } = await run([tap]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(out[0]).toBe(`${tap}  tap-batch TAP-3.12  ${tapBytes.length} bytes`);
    expect(text).toContain('  header\n    batchControlInfo:\n      sender: "DEUD1"');
    expect(text).toContain('  events (4)');
    expect(text).toMatch(
      /#0 moc 2024-03-01T10:15:00 \+0100 125 s imsi 262011234567890 to 441234567890 charge 1\.234 EUR/,
    );
    expect(text).toContain('  audit\n    auditControlInfo:');
    expect(text).toContain(
      '  findings (1)\n    fatal TAP-AUDIT-COUNT auditControlInfo/callEventDetailsCount: count 3 but the file has 4 call events',
    );
  });

  it('shows the first N events only, still validating them all', async () => {
    const { out } = await run([tap], { events: '1' });
    const text = out.join('\n');
    expect(text).toContain('  events (4, showing 1)');
    expect(text).not.toContain('#1 gprs');
    expect(text).toContain('TAP-AUDIT-COUNT');
  });

  it('writes one JSON document per file, bigints as numbers or strings', async () => {
    const { code, out } = await run([tap, nrtrde], {}, 'json');
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const doc = JSON.parse(out[0]!) as Record<string, unknown> & {
      events: { rows: { event: Record<string, unknown> } }[];
    };
    expect(doc).toMatchObject({
      file: tap,
      kind: 'tap-batch',
      module: 'TAP-3.12',
      eventCount: 4,
      error: null,
    });
    expect(doc.events[0]?.rows.event).toMatchObject({
      eventType: 'moc',
      totalCharge: 1234,
      startUtc: '2024-03-01T09:15:00Z',
    });
    expect(doc.findings).toEqual([
      expect.objectContaining({ rule: 'TAP-AUDIT-COUNT', severity: 'fatal' }),
    ]);
    const second = JSON.parse(out[1]!) as {
      kind: string;
      events: { rows: Record<string, unknown> }[];
    };
    expect(second.kind).toBe('nrtrde');
    expect(second.events[0]?.rows).toMatchObject({ imsi: '262011234567890', chargeAmount: 77 });
  });

  it('writes one JSON line per item with --jsonl', async () => {
    const { out } = await run([tap], { jsonl: true });
    const lines = out.map((l) => JSON.parse(l) as { type: string; file: string });
    expect(lines.map((l) => l.type)).toEqual([
      'header',
      'record',
      'record',
      'record',
      'record',
      'trailer',
      'finding',
      'end',
    ]);
    expect(lines.every((l) => l.file === tap)).toBe(true);
  });

  it("writes a record's findings as it passes with --jsonl, the audit's after the trailer", async () => {
    const s = validBatch();
    const moc = s.records[0]!.mobileOriginatedCall as Struct;
    (moc.basicCallInformation as Struct).causeForTerm = 2;
    const file = path.join(dir, 'CDDEUD1GBRCN00045');
    await writeFile(
      file,
      encodeFile('TAP-3.12', {
        transferBatch: { ...s.groups, callEventDetails: s.records, auditControlInfo: audit },
      }),
    );
    const { out } = await run([file], { jsonl: true });
    const lines = out.map((l) => JSON.parse(l) as { type: string; rule?: string; index?: number });
    expect(lines.map((l) => (l.type === 'finding' ? l.rule : `${l.type}${l.index ?? ''}`))).toEqual(
      [
        'header',
        'record0',
        'TAP-CAUSE-FOR-TERM',
        'record1',
        'record2',
        'record3',
        'trailer',
        'TAP-AUDIT-COUNT',
        'end',
      ],
    );
  });

  it('reports a file it cannot decode in one line, reads the others, and returns 1', async () => {
    const { code, out, err } = await run([broken, tap]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^error: ${broken}: .* at byte \\d+`));
    expect(out.join('\n')).toContain(`${tap}  tap-batch`);
    const missing = await run([path.join(dir, 'absent')]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain('cannot read (ENOENT)');
  });

  it('lists unknown tags, with their hex when asked', async () => {
    const plain = await run([unknown]);
    expect(plain.code).toBe(0);
    expect(plain.out.join('\n')).toMatch(
      /unknown tags \(1\)\n {4}\S*AuditControlInfo\S* APPLICATION 453 x1$/m,
    );
    const withHex = await run([unknown], { 'unknown-hex': true });
    expect(withHex.out.join('\n')).toMatch(/APPLICATION 453 x1 5f83450107$/m);
    expect(withHex.out.join('\n')).toContain('findings (0)');
  });

  it('refuses a bad --events value and a missing file list', async () => {
    await expect(run([tap], { events: 'ten' })).rejects.toThrow('--events');
    await expect(run([])).rejects.toThrow('no files given');
  });
});
