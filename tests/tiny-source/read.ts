/**
 * Reading a TINY file: a text header line `TINY1 <sender> <recipient> <sequence>`, then one
 * record a line, `<UTC time>,<IMSI>,<units>`. Pure: text in, header and rows out, with where each
 * record starts; a line that is not a record is the file's DecodeError.
 */
import path from 'node:path';
import { DecodeError } from '../../pipelines/lib/errors.ts';
import type { TinyUsageRow } from './raw-schema.ts';

export const magic = 'TINY1 ';

export interface TinyHeader {
  sender: string;
  recipient: string;
  sequence: string;
}

export interface TinyRecord {
  offset: number;
  row: TinyUsageRow;
}

/** The header, then each record, in file order. */
export function* readTiny(file: string, text: string): Generator<TinyHeader | TinyRecord> {
  const lines = text.split('\n');
  const [first = ''] = lines;
  const [sender, recipient, sequence] = first.slice(magic.length).split(' ');
  if (!first.startsWith(magic) || sequence === undefined)
    throw new DecodeError('no TINY header', file, 0, 'header');
  yield { sender: sender as string, recipient: recipient as string, sequence };
  let offset = first.length + 1;
  let recordIndex = 0;
  for (const line of lines.slice(1)) {
    if (line !== '') {
      const [usedAt, imsi, units] = line.split(',');
      if (units === undefined || !/^\d+$/.test(units))
        throw new DecodeError(`'${line}' is not a record`, file, offset, 'record', recordIndex);
      const name = path.basename(file);
      yield {
        offset,
        row: { file: name, recordIndex, usedAt: usedAt ?? null, imsi: imsi ?? null, units: +units },
      };
      recordIndex += 1;
    }
    offset += line.length + 1;
  }
}

export const isHeader = (item: TinyHeader | TinyRecord): item is TinyHeader => 'sender' in item;
