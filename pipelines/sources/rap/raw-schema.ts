/** RAP's raw tables: files (return batches and acknowledgements), returns, errors, audit, findings. */
import { rowTable } from '../../columns/row-table.ts';
import { validationTable } from '../shared/validation-table.ts';
import type { RapAuditRow, RapErrorRow, RapFileRow, RapReturnRow } from './normalise.ts';

const key = {
  sender: ['VARCHAR', 'Sender TADIG (the home network returning records)'],
  recipient: ['VARCHAR', 'Recipient TADIG (the visited network that sent the TAP file)'],
  rapFileSequenceNumber: ['VARCHAR', 'RapFileSequenceNumber'],
} as const;

export const rapFilesTable = rowTable<RapFileRow>(
  'raw.rap_files',
  'One row per RAP file (return batch or acknowledgement).',
  {
    ...key,
    kind: ['VARCHAR', 'rap-return-batch or rap-acknowledgement'],
    module: ['VARCHAR', 'RAP-1.05'],
    tapModule: ['VARCHAR', 'TAP release of the returned records'],
    roamingPartner: ['VARCHAR', 'RoamingPartner TADIG'],
    createdUtc: ['TIMESTAMP', 'RapFileCreationTimeStamp (or AckFileCreationTimeStamp), UTC'],
    availableUtc: ['TIMESTAMP', 'RapFileAvailableTimeStamp (or AckFileAvailableTimeStamp), UTC'],
    specificationVersionNumber: ['INTEGER', 'TAP SpecificationVersionNumber'],
    releaseVersionNumber: ['INTEGER', 'TAP ReleaseVersionNumber'],
    rapSpecificationVersionNumber: ['INTEGER', 'RapSpecificationVersionNumber'],
    rapReleaseVersionNumber: ['INTEGER', 'RapReleaseVersionNumber'],
    fileTypeIndicator: ['VARCHAR', 'T for test data'],
    tapDecimalPlaces: ['INTEGER', 'TapDecimalPlaces of the amounts'],
    tapCurrency: ['VARCHAR', 'TapCurrency, or XDR'],
  },
);

export const rapReturnsTable = rowTable<RapReturnRow>(
  'raw.rap_returns',
  'One row per RAP return detail.',
  {
    ...key,
    returnIndex: ['INTEGER', '0-based position of the return in the file'],
    kind: ['VARCHAR', 'stop, missing, fatal or severe'],
    fileSequenceNumber: ['VARCHAR', 'Returned TAP file (fatal, severe)'],
    lastSeqNumber: ['VARCHAR', 'StopReturn: last TAP sequence number sent'],
    startMissingSeqNumber: ['VARCHAR', 'MissingReturn: first missing sequence number'],
    endMissingSeqNumber: ['VARCHAR', 'MissingReturn: last missing sequence number'],
    fatalGroup: ['VARCHAR', 'FatalReturn: the failing group'],
    errorCodes: ['INTEGER[]', 'Error codes of the return'],
    returnedRecordKind: ['VARCHAR', 'SevereReturn: kind of the returned call event'],
    returnedEventType: ['VARCHAR', 'SevereReturn: event type'],
    returnedImsi: ['VARCHAR', 'SevereReturn: IMSI'],
    returnedStartLocal: ['TIMESTAMP', 'SevereReturn: start, local time'],
    returnedCharge: ['BIGINT', 'SevereReturn: invoiceable charge, integer scaled by scale'],
    returnedTax: ['BIGINT', 'SevereReturn: tax, integer scaled by scale'],
    scale: ['INTEGER', 'TapDecimalPlaces'],
    currency: ['VARCHAR', 'TapCurrency, or XDR'],
  },
);

export const rapErrorsTable = rowTable<RapErrorRow>(
  'raw.rap_errors',
  'One row per error detail of a RAP return.',
  {
    ...key,
    returnIndex: ['INTEGER', 'Return the error belongs to'],
    errorIndex: ['INTEGER', 'Position of the error in the return'],
    kind: ['VARCHAR', 'fatal or severe'],
    errorCode: ['INTEGER', 'TD.52 error code'],
    itemPath: ['VARCHAR', 'Path of the faulty item'],
    itemOffset: ['INTEGER', 'ItemOffset'],
  },
);

export const rapAuditTable = rowTable<RapAuditRow>(
  'raw.rap_audit',
  'One row per RAP return batch: RapAuditControlInfo as sent.',
  {
    totalSevereReturnValue: ['BIGINT', 'TotalSevereReturnValue, integer scaled by scale'],
    totalSevereReturnTax: ['BIGINT', 'TotalSevereReturnTax'],
    returnDetailsCount: ['INTEGER', 'ReturnDetailsCount'],
    scale: ['INTEGER', 'TapDecimalPlaces'],
    currency: ['VARCHAR', 'TapCurrency, or XDR'],
  },
);

export const rapValidationTable = validationTable(
  'raw.rap_validation',
  'Validation findings of RAP files (RAP-* rules: mandatory parts, audit count and totals, times).',
);

export const rapTables = [
  rapFilesTable,
  rapReturnsTable,
  rapErrorsTable,
  rapAuditTable,
  rapValidationTable,
] as const;
