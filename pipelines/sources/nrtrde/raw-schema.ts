/** NRTRDE's raw tables: files, events and validation findings. */
import { rowTable } from '../../columns/row-table.ts';
import { validationTable } from '../shared/validation-table.ts';
import type { NrtrdeEventRow, NrtrdeFileRow } from './normalise.ts';

const key = {
  sender: ['VARCHAR', 'Sender TADIG'],
  recipient: ['VARCHAR', 'Recipient TADIG'],
  sequenceNumber: ['VARCHAR', 'SequenceNumber'],
} as const;

export const nrtrdeFilesTable = rowTable<NrtrdeFileRow>(
  'raw.nrtrde_files',
  'One row per NRTRDE file.',
  {
    ...key,
    specificationVersionNumber: ['INTEGER', 'SpecificationVersionNumber'],
    releaseVersionNumber: ['INTEGER', 'ReleaseVersionNumber'],
    fileAvailableUtc: ['TIMESTAMP', 'FileAvailableTimeStamp, UTC'],
    callEventsCount: ['INTEGER', 'CallEventsCount as sent'],
  },
);

export const nrtrdeEventsTable = rowTable<NrtrdeEventRow>(
  'raw.nrtrde_events',
  'One row per NRTRDE MOC, MTC or GPRS event.',
  {
    ...key,
    recordIndex: ['INTEGER', '0-based position in the file'],
    eventType: ['VARCHAR', 'moc, mtc or gprs'],
    imsi: ['VARCHAR', 'IMSI'],
    imei: ['VARCHAR', 'IMEI'],
    msisdn: ['VARCHAR', 'MSISDN'],
    startLocal: ['TIMESTAMP', 'Start, local time'],
    startUtcOffset: ['VARCHAR', 'UTC offset, +HHMM'],
    startUtc: ['TIMESTAMP', 'Start, UTC'],
    endUtc: ['TIMESTAMP', 'End, UTC'],
    durationSeconds: ['BIGINT', 'Duration, seconds'],
    causeForTermination: ['INTEGER', 'Cause for termination'],
    teleServiceCode: ['VARCHAR', 'TeleServiceCode'],
    bearerServiceCode: ['VARCHAR', 'BearerServiceCode'],
    supplementaryServiceCode: ['VARCHAR', 'SupplementaryServiceCode'],
    dialledDigits: ['VARCHAR', 'Dialled digits'],
    connectedNumber: ['VARCHAR', 'Connected number'],
    thirdPartyNumber: ['VARCHAR', 'Third party number'],
    callingNumber: ['VARCHAR', 'Calling number'],
    recEntityId: ['VARCHAR', 'Recording entity id'],
    callReference: ['BIGINT', 'Call reference'],
    apnNi: ['VARCHAR', 'APN network identifier'],
    apnOi: ['VARCHAR', 'APN operator identifier'],
    dataVolumeIncoming: ['BIGINT', 'Bytes downloaded'],
    dataVolumeOutgoing: ['BIGINT', 'Bytes uploaded'],
    sgsnAddress: ['VARCHAR', 'SGSN address'],
    ggsnAddress: ['VARCHAR', 'GGSN address'],
    chargingId: ['BIGINT', 'Charging id'],
    chargeAmount: ['BIGINT', 'ChargeAmount, the integer as sent'],
    servingNetwork: ['VARCHAR', 'Serving network'],
    locationArea: ['INTEGER', 'Location area code'],
    cellId: ['INTEGER', 'Cell id'],
  },
);

export const nrtrdeValidationTable = validationTable(
  'raw.nrtrde_validation',
  'Validation findings of NRTRDE files (NRTRDE-* rules: header items, event items, count, times).',
);

export const nrtrdeTables = [nrtrdeFilesTable, nrtrdeEventsTable, nrtrdeValidationTable] as const;
