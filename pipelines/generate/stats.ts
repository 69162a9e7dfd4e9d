/** Small exact helpers for the manifest's expected KPI values. */

/** Linear-interpolation percentile, as SQL's PERCENTILE_CONT / DuckDB's QUANTILE_CONT. */
export function quantileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/**
 * A value rounded to `digits` decimals (half away from zero, in double arithmetic as SQL's ROUND
 * of a DOUBLE): compare with a tolerance of one unit in the last place.
 */
export function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/** An exact decimal text of an integer amount at `scale` decimals: 12345, 3 → "12.345". */
export function decimalText(amount: number | bigint, scale: number): string {
  const a = BigInt(amount);
  const neg = a < 0n;
  const digits = (neg ? -a : a).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${text}` : text;
}
