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

/** Expected TAP call events of one partner in one month. */
export function expectedTap(o: GenerateOptions, partners: readonly Partner[], p: Partner): number {
  return (o.tapEvents / o.months) * share(partners, p);
}

/** Pool sizes: about eight probe procedures per roamer and month. */
export function pools(o: GenerateOptions, partners: readonly Partner[], p: Partner) {
  const xdr = expectedXdr(o, partners, p);
  return {
    outbound: Math.max(40, Math.round((xdr * p.outboundShare) / 8)),
    inbound: Math.max(40, Math.round((xdr * (1 - p.outboundShare)) / 8)),
  };
}
