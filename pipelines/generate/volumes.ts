/** How the run's volume is spread over partners, months and subscriber pools. */
import type { GenerateOptions } from './options.ts';
import type { Partner } from './world.ts';

function share(partners: readonly Partner[], p: Partner): number {
  const total = partners.reduce((s, x) => s + x.size, 0);
  return p.size / total;
}

/** Expected probe xDR rows of one partner in one month. */
export function expectedXdr(o: GenerateOptions, partners: readonly Partner[], p: Partner): number {
  return (o.xdrEvents / o.months) * share(partners, p);
}

/**
 * Expected TAP call events of one partner in one month: outbound (our roamers, what `tapEvents`
 * counts) or inbound (its roamers in our network, in proportion to its share of the probe rows).
 */
export function expectedTap(
  o: GenerateOptions,
  partners: readonly Partner[],
  p: Partner,
  direction: 'outbound' | 'inbound' = 'outbound',
): number {
  const outbound = (o.tapEvents / o.months) * share(partners, p);
  return direction === 'outbound' ? outbound : (outbound * (1 - p.outboundShare)) / p.outboundShare;
}

/** Pool sizes: about eight probe procedures per roamer and month. */
export function pools(o: GenerateOptions, partners: readonly Partner[], p: Partner) {
  const xdr = expectedXdr(o, partners, p);
  return {
    outbound: Math.max(40, Math.round((xdr * p.outboundShare) / 8)),
    inbound: Math.max(40, Math.round((xdr * (1 - p.outboundShare)) / 8)),
  };
}
