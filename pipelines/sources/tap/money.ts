/** Exact decimal text for scaled integer amounts (value = integer / 10^scale); no floating point. */
export function formatAmount(value: bigint, scale: number | null): string {
  if (scale === null || scale <= 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
