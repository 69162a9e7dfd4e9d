/**
 * Formatting for people: the one place that turns mart values into report text. Pure and
 * locale-stable (en-GB digits and month names, UTC), so the same data gives the same bytes.
 */

const absent = (value: unknown): boolean => value === null || value === undefined || value === '';
const dash = '–';

/** '2026-10' → the first day of that month, UTC; `offset` months later (or earlier). */
function firstOfMonth(month: string, offset = 0): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + offset, 1));
}

const monthName = (month: string, style: 'long' | 'short') =>
  firstOfMonth(month).toLocaleString('en-GB', { month: style, year: 'numeric', timeZone: 'UTC' });

/** '2026-10' → 'October 2026'. */
export function monthTitle(month: string): string {
  return monthName(month, 'long');
}

/** '2026-10' → 'Oct 2026', for chart axes and narrow tables. */
export function monthShort(month: string): string {
  return monthName(month, 'short');
}

/** '2026-10' → '2026-09'. */
export function previousMonth(month: string): string {
  return firstOfMonth(month, -1).toISOString().slice(0, 7);
}

/** '2026-10' → every day of it, '2026-10-01' … '2026-10-31'. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  const end = firstOfMonth(month, 1).getTime();
  for (let t = firstOfMonth(month).getTime(); t < end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** A time as 'YYYY-MM-DD HH:MM UTC'. */
export function utcTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A fraction as a percentage ('0.9667' → '96.7 %'); '–' when absent. */
export function percent(value: unknown, decimals = 1): string {
  if (absent(value)) return dash;
  return `${(Number(value) * 100).toFixed(decimals)} %`;
}

/** A relative change as a signed percentage ('0.1753' → '+17.5 %', '-0.37' → '−37.0 %'). */
export function signedPercent(value: unknown, decimals = 1): string {
  if (absent(value)) return dash;
  const n = Number(value);
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  return `${sign}${(Math.abs(n) * 100).toFixed(decimals)} %`;
}

/** A whole number with thousands separators. */
export function count(value: unknown): string {
  if (absent(value)) return dash;
  return Number(value).toLocaleString('en-GB');
}

/** A number with fixed decimals and thousands separators. */
export function decimal(value: unknown, decimals: number): string {
  if (absent(value)) return dash;
  return Number(value).toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Milliseconds with no decimals. */
export function milliseconds(value: unknown): string {
  if (absent(value)) return dash;
  return `${Math.round(Number(value)).toLocaleString('en-GB')} ms`;
}

/** Hours with one decimal. */
export function hours(value: unknown): string {
  if (absent(value)) return dash;
  return `${decimal(value, 1)} h`;
}

/** A KPI value in its catalogue unit: ratio as %, ms, MOS, percent (already ×100), count. */
export function kpiValue(value: unknown, unit: unknown): string {
  if (absent(value)) return dash;
  switch (unit) {
    case 'ratio':
      return percent(value, 2);
    case 'ms':
      return `${decimal(value, 1)} ms`;
    case 'MOS':
      return decimal(value, 2);
    case 'percent':
      return `${decimal(value, 3)} %`;
    case 'count':
      return count(value);
    default:
      return `${String(value)} ${String(unit)}`;
  }
}

/** A margin to the target in the KPI unit, signed (+ better than the target); ratios in points. */
export function kpiMargin(value: unknown, unit: unknown): string {
  if (absent(value)) return dash;
  const n = Number(value);
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const magnitude = Math.abs(n);
  switch (unit) {
    case 'ratio':
      return `${sign}${(magnitude * 100).toFixed(2)} pp`;
    case 'percent':
      return `${sign}${decimal(magnitude, 3)} pp`;
    default:
      return `${sign}${kpiValue(magnitude, unit)}`;
  }
}

/** The mart's status words, for people. */
export function statusLabel(status: unknown): string {
  if (absent(status)) return dash;
  return String(status).replace(/-/g, ' ');
}

/** A CSS class for a mart status. */
export function statusClass(status: unknown): string {
  return status === 'met' ? 'ok' : status === 'breached' ? 'bad' : 'muted';
}

/** The movement against last month as an arrow: ↑ up, ↓ down, → unchanged, – no last month. */
export function movementArrow(movement: unknown): string {
  return movement === 'up' ? '↑' : movement === 'down' ? '↓' : movement === 'same' ? '→' : dash;
}

/** Groups the integer digits of a decimal string, keeping every digit it has. */
function groupDigits(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Money exactly as the mart holds it (a DECIMAL's text, never through a float): trailing zeros
 * beyond `scale` (the decimals that can be non-zero) dropped, at least two decimals kept, and the
 * currency named (XDR is the SDR).
 */
export function money(value: unknown, currency: unknown, scale?: unknown): string {
  if (absent(value)) return dash;
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not an exact amount: ${text}`);
  const [whole, fraction = ''] = text.split('.');
  const keep = Math.max(2, absent(scale) ? 0 : Number(scale));
  let digits = fraction.padEnd(keep, '0');
  while (digits.length > keep && digits.endsWith('0')) digits = digits.slice(0, -1);
  return `${groupDigits(`${whole ?? '0'}.${digits}`)} ${currencyName(currency)}`;
}

export function currencyName(currency: unknown): string {
  if (absent(currency)) return '';
  return currency === 'XDR' || currency === 'SDR' ? 'SDR' : String(currency);
}

const familyLabels: Record<string, string> = { ipx: 'IPX', sms: 'SMS' };

/** A KPI family as a heading ('registration' → 'Registration', 'ipx' → 'IPX'). */
export function familyLabel(family: unknown): string {
  const f = typeof family === 'string' ? family : '';
  return familyLabels[f] ?? f.charAt(0).toUpperCase() + f.slice(1);
}
