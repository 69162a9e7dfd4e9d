/**
 * Reference data (data/reference/*.csv), one source per table. Each file is a snapshot: the
 * latest file of a kind replaces every earlier one, whatever its name.
 */
import type { RawTable } from '../../columns/raw-table.ts';
import type { Source } from '../source.ts';
import { tabularSource } from '../shared/tabular.ts';
import {
  causeCodesTable,
  homeNetworkTable,
  iotApnsTable,
  kpiCatalogueTable,
  mccMncTable,
  partnerKeysTable,
  partnersTable,
  slaAgreementsTable,
} from './raw-schema.ts';

const reference = (name: string, table: RawTable): Source =>
  tabularSource(`reference-${name}`, `reference data (${name})`, table, { snapshot: true });

export const referenceSources: readonly Source[] = [
  reference('home-network', homeNetworkTable),
  reference('partners', partnersTable),
  reference('kpi-catalogue', kpiCatalogueTable),
  reference('sla-agreements', slaAgreementsTable),
  reference('mcc-mnc', mccMncTable),
  reference('cause-codes', causeCodesTable),
  reference('iot-apns', iotApnsTable),
  reference('partner-keys', partnerKeysTable),
];
