/** Hand-built decoded RAP values for tests, following the schema's field names. */
import type { DecodeItem, Struct } from '../../asn1/types.ts';
import { dtl, moc } from '../tap/test-fixtures.ts';

export const severeCharge = 1500;
/** A valid ReturnBatch: one return of each kind, the audit right. A fresh copy each call. */
export function rapReturnBatch(): Struct {
  return {
    rapBatchControlInfoRap: {
      sender: 'GBRCN',
      recipient: 'DEUD1',
      rapFileSequenceNumber: '00007',
      rapFileCreationTimeStamp: dtl('20240305100000', '+0000'),
      rapFileAvailableTimeStamp: dtl('20240305110000', '+0000'),
      specificationVersionNumber: 3,
      releaseVersionNumber: 12,
      rapSpecificationVersionNumber: 1,
      rapReleaseVersionNumber: 5,
      tapDecimalPlaces: 3,
      tapCurrency: 'EUR',
    },
    returnDetails: [
      { stopReturn: { lastSeqNumber: '00050' } },
      { missingReturn: { startMissingSeqNumber: '00040', endMissingSeqNumber: '00041' } },
      {
        fatalReturn: {
          fileSequenceNumber: '00042',
          batchControlError: {
            batchControlInfo: { sender: 'DEUD1' },
            errorDetail: [
              {
                errorContext: [
                  { pathItemId: 4, itemLevel: 1 },
                  { pathItemId: 196, itemLevel: 2 },
                ],
                errorCode: 30,
              },
            ],
          },
        },
      },
      {
        severeReturn: {
          fileSequenceNumber: '00043',
          callEventDetail: moc(severeCharge),
          errorDetail: [
            {
              errorContext: [
                { pathItemId: 9, itemLevel: 2, itemOccurrence: 1 },
                { pathItemId: 3, itemLevel: 1 },
                { pathItemId: 147, itemLevel: 3 },
              ],
              itemOffset: 12,
              errorCode: 31,
            },
            { errorCode: 100 },
          ],
        },
      },
    ],
    rapAuditControlInfo: { totalSevereReturnValue: severeCharge, returnDetailsCount: 4 },
  };
}

/** A ReturnBatch as the decoder yields it: header, one record per return detail, trailer. */
export function rapItems(returnBatch: Struct): DecodeItem[] {
  const { returnDetails, rapAuditControlInfo, ...groups } = returnBatch;
  return [
    { type: 'header', kind: 'rap-return-batch', module: 'RAP-1.05', tapModule: 'TAP-3.12', groups },
    ...((returnDetails ?? []) as Struct[]).map((value, index): DecodeItem => ({
      type: 'record',
      index,
      offset: 0,
      value,
    })),
    {
      type: 'trailer',
      groups: rapAuditControlInfo === undefined ? {} : { rapAuditControlInfo },
    },
  ];
}
