/**
 * A call event read once: its kind, body, charge blocks and start. The normaliser (normalise.ts)
 * and the validator (validate.ts) both take it, so that neither reads the record again.
 */
import type { Struct } from '../../asn1/types.ts';
import type { RecordItem } from '../shared/items.ts';
import type { Instant } from '../shared/time.ts';
import { chargeBlocks, type ChargeBlock } from './charges.ts';
import type { TapFileContext } from './context.ts';
import { eventStart } from './event-row.ts';
import { recordKind } from './events.ts';

export interface TapRecord {
  /** Its position among the file's call events. */
  index: number;
  /** The CallEventDetail alternative, e.g. `mobileOriginatedCall`, and its body. */
  kind: string;
  body: Struct;
  blocks: readonly ChargeBlock[];
  start: Instant;
}

export function readTapRecord(ctx: TapFileContext, item: RecordItem): TapRecord {
  const [kind, body] = recordKind(item.value);
  return {
    index: item.index,
    kind,
    body,
    blocks: chargeBlocks(kind, body),
    start: eventStart(ctx, kind, body),
  };
}
