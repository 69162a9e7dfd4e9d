/** What a run generates: seed, partners, months and volume, and how they are checked. */
import { wholeNumber } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';

export type Scale = 'small' | 'medium' | 'large';

export interface GenerateOptions {
  seed: number;
  partners: number;
  /** First month, `YYYY-MM`. */
  from: string;
  months: number;
  /** Probe xDR rows over the whole run (before planted stories add theirs). */
  xdrEvents: number;
  /** Outbound TAP call events over the whole run (inbound ones follow the partners' shares). */
  tapEvents: number;
  scale: Scale | 'custom';
  out: string;
}

/**
 * Volumes per scale: 100 M xDRs and 20 M TAP events at the top; small is the shipped sample (six
 * months of 5,000 probe rows and 750 outbound TAP events).
 */
export const SCALES: Readonly<Record<Scale, { xdrEvents: number; tapEvents: number }>> = {
  small: { xdrEvents: 30_000, tapEvents: 4_500 },
  medium: { xdrEvents: 2_000_000, tapEvents: 400_000 },
  large: { xdrEvents: 100_000_000, tapEvents: 20_000_000 },
};

export const DEFAULTS = { seed: 42, partners: 8, from: '2026-05', months: 6, scale: 'small' };

function positiveInt(name: string, value: string | undefined, fallback: number, max: number) {
  return wholeNumber(name, value, { min: 1, max, example: fallback }) ?? fallback;
}

export interface RawGenerateOptions {
  seed?: string;
  partners?: string;
  from?: string;
  months?: string;
  scale?: string;
  events?: string;
  out?: string;
}

/** Checks and completes the command-line options. */
export function resolveOptions(raw: RawGenerateOptions): GenerateOptions {
  const seed = positiveInt('seed', raw.seed, DEFAULTS.seed, 2 ** 31 - 1);
  const partners = positiveInt('partners', raw.partners, DEFAULTS.partners, 500);
  const months = positiveInt('months', raw.months, DEFAULTS.months, 24);
  const from = raw.from ?? DEFAULTS.from;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(from)) {
    throw new UsageError(`--from takes a month YYYY-MM, not '${from}'`, {
      fix: `e.g. --from ${DEFAULTS.from}`,
    });
  }
  if (raw.scale !== undefined && raw.events !== undefined) {
    throw new UsageError('give --scale or --events, not both');
  }
  const scaleName = raw.scale ?? DEFAULTS.scale;
  if (raw.events === undefined && !(scaleName in SCALES)) {
    throw new UsageError(`unknown --scale '${scaleName}'`, { fix: 'use small, medium or large' });
  }
  const xdrEvents = positiveInt('events', raw.events, SCALES.small.xdrEvents, 1_000_000_000);
  const volume =
    raw.events === undefined
      ? SCALES[scaleName as Scale]
      : { xdrEvents, tapEvents: Math.max(1, Math.round(xdrEvents / 5)) };
  if (raw.out === undefined) {
    throw new UsageError('no output folder given', { fix: 'roam generate --out DIR' });
  }
  return {
    seed,
    partners,
    from,
    months,
    ...volume,
    scale: raw.events === undefined ? (scaleName as Scale) : 'custom',
    out: raw.out,
  };
}
