/**
 * The registry: every source roam reads, one line each (source.ts says what a source is). A file
 * goes to the first source that recognises it, those recognised by their first bytes asked before
 * those recognised by their columns; otherwise the order is the order of `roam ingest --kind` and
 * of the raw tables in sql/external_models.yaml.
 */
import { activeTestsSource } from './active/source.ts';
import { ipxMeasurementsSource } from './ipx/source.ts';
import { kpiExchangeSource } from './kpi-exchange/source.ts';
import { nrtrdeSource } from './nrtrde/source.ts';
import { probeXdrSource } from './probes/source.ts';
import { rapSource } from './rap/source.ts';
import { referenceSources } from './reference/source.ts';
import type { Source } from './source.ts';
import { tapSource } from './tap/source.ts';

export const sources: readonly Source[] = [
  probeXdrSource,
  ipxMeasurementsSource,
  activeTestsSource,
  ...referenceSources,
  tapSource,
  rapSource,
  nrtrdeSource,
  kpiExchangeSource,
];
