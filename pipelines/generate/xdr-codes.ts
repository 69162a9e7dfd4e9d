/**
 * The signalling procedures a probe export holds, with the real result codes of domain.md §3 and
 * their realistic mixes, split into technical and user/policy causes as data/reference/
 * cause_codes.csv classes them (a test checks it), and typical latencies.
 */
export type Family = 'map' | 'diameter' | 'gtp';

export interface Procedure {
  name: string;
  interface: 'MAP' | 'Diameter' | 'GTPv1' | 'GTPv2';
  family: Family;
  /** Result code of a success; null for MAP (no error). */
  success: number | null;
  /** Weighted technical failure codes (-1 = TCAP abort or no answer). */
  technical: readonly (readonly [number, number])[];
  /** Weighted user/policy failure codes. */
  policy: readonly (readonly [number, number])[];
  /** Multiplier of the partner's user/policy failure rate. */
  policyFactor: number;
  /** Median response time, ms, before the partner's distance factor. */
  medianMs: number;
  /** Data session (routing and APN columns). */
  session: boolean;
  /** Relative volume per subscriber: legacy (2G/3G) part, modern (4G/5G) part, constant part. */
  weight: { legacy: number; modern: number; any: number };
}

const p = (x: Procedure): Procedure => x;

export const PROCEDURES: readonly Procedure[] = [
  p({
    name: 'UpdateLocation',
    interface: 'MAP',
    family: 'map',
    success: null,
    technical: [
      [34, 5],
      [36, 2],
      [35, 1],
      [-1, 3],
    ],
    policy: [
      [8, 6],
      [1, 2],
      [9, 1],
    ],
    policyFactor: 1,
    medianMs: 160,
    session: false,
    weight: { legacy: 10, modern: 0, any: 0 },
  }),
  p({
    name: 'UpdateGprsLocation',
    interface: 'MAP',
    family: 'map',
    success: null,
    technical: [
      [34, 5],
      [36, 2],
      [-1, 3],
    ],
    policy: [
      [8, 5],
      [1, 2],
    ],
    policyFactor: 1,
    medianMs: 170,
    session: false,
    weight: { legacy: 6, modern: 0, any: 0 },
  }),
  p({
    name: 'SendAuthenticationInfo',
    interface: 'MAP',
    family: 'map',
    success: null,
    technical: [
      [34, 4],
      [35, 1],
      [36, 1],
      [-1, 3],
    ],
    policy: [[1, 1]],
    policyFactor: 0.3,
    medianMs: 90,
    session: false,
    weight: { legacy: 14, modern: 0, any: 2 },
  }),
  p({
    name: 'MO-ForwardSM',
    interface: 'MAP',
    family: 'map',
    success: null,
    technical: [
      [34, 3],
      [32, 3],
      [-1, 2],
    ],
    policy: [
      [11, 2],
      [13, 3],
      [5, 1],
    ],
    policyFactor: 1,
    medianMs: 320,
    session: false,
    weight: { legacy: 0, modern: 0, any: 4 },
  }),
  p({
    name: 'MT-ForwardSM',
    interface: 'MAP',
    family: 'map',
    success: null,
    technical: [
      [32, 3],
      [34, 2],
      [-1, 2],
    ],
    policy: [
      [6, 6],
      [31, 2],
      [5, 1],
      [27, 1],
    ],
    policyFactor: 2,
    medianMs: 450,
    session: false,
    weight: { legacy: 0, modern: 0, any: 5 },
  }),
  p({
    name: 'ULR',
    interface: 'Diameter',
    family: 'diameter',
    success: 2001,
    technical: [
      [3002, 3],
      [3004, 2],
      [5012, 2],
    ],
    policy: [
      [5004, 5],
      [5001, 2],
      [5420, 1],
      [5421, 2],
    ],
    policyFactor: 1,
    medianMs: 55,
    session: false,
    weight: { legacy: 0, modern: 10, any: 0 },
  }),
  p({
    name: 'AIR',
    interface: 'Diameter',
    family: 'diameter',
    success: 2001,
    technical: [
      [3002, 3],
      [3004, 2],
      [4181, 2],
      [5012, 1],
    ],
    policy: [
      [5001, 2],
      [5420, 1],
    ],
    policyFactor: 0.3,
    medianMs: 40,
    session: false,
    weight: { legacy: 0, modern: 14, any: 0 },
  }),
  p({
    name: 'CreatePDPContext',
    interface: 'GTPv1',
    family: 'gtp',
    success: 128,
    technical: [
      [199, 3],
      [204, 3],
      [229, 2],
      [192, 1],
    ],
    policy: [
      [205, 3],
      [219, 2],
      [222, 2],
      [209, 1],
    ],
    policyFactor: 1,
    medianMs: 140,
    session: true,
    weight: { legacy: 12, modern: 0, any: 0 },
  }),
  p({
    name: 'CreateSession',
    interface: 'GTPv2',
    family: 'gtp',
    success: 16,
    technical: [
      [72, 3],
      [73, 3],
      [100, 2],
      [113, 2],
      [64, 1],
      [94, 1],
    ],
    policy: [
      [78, 2],
      [93, 2],
      [92, 1],
    ],
    policyFactor: 1,
    medianMs: 110,
    session: true,
    weight: { legacy: 0, modern: 12, any: 0 },
  }),
];

export const FAMILIES: readonly Family[] = ['map', 'diameter', 'gtp'];

export function procedure(name: string): Procedure {
  const found = PROCEDURES.find((x) => x.name === name);
  if (found === undefined) throw new RangeError(`unknown procedure ${name}`);
  return found;
}

/** Latency multiplier and added round trip per data-session routing. */
export const ROUTING_DELAY: Readonly<Record<string, { factor: number; addMs: number }>> = {
  'home-routed': { factor: 1, addMs: 60 },
  'local-breakout': { factor: 0.35, addMs: 5 },
  'regional-breakout': { factor: 0.6, addMs: 25 },
};
