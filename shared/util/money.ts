// Money as an integer count of minor units (hundredths of the currency unit), so sums and
// round trips through files give back exactly what the user typed; floats never hold money.
// Decimal strings are parsed digit by digit, never through a float multiply.

/** Integer hundredths of the workbook currency (e.g. cents). */
export type Money = number;

export const MONEY_SCALE = 100;
/** Largest amount stored (10^13 units): leaves room for sums of ~900 such values to stay exact. */
export const MONEY_MAX_MINOR = 1e15;

export function isMoney(value: unknown): value is Money {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MONEY_MAX_MINOR;
}

/**
 * Whether a value `distance` away from a whole number of minor units is that number plus binary
 * float noise, not a real further decimal: within 1e-9 of the value (relative) and never more
 * than a double's noise can be (a millionth of a unit, or a few units in the last place of a
 * double, 4e-15 of the value, above that). 83700.99000000001 is noise; 10.005, 12345.675 and
 * 123456789012.345 are not.
 */
export function isFloatNoise(distance: number, value: number): boolean {
  const v = Math.abs(value);
  return distance <= Math.min(Math.max(1e-6, 4e-15 * v), 1e-9 * v);
}

/**
 * Parses a plain decimal string ("1200.5", "-0.25", "1e3" is not accepted) into minor units.
 * Returns null when the text is not a plain decimal or has more than two decimals
 * (a third decimal would be silently lost). With `noise`, decimals past the second that are only
 * float noise (isFloatNoise: "83700.990000000000002", "12.349999999999999", as programs print
 * binary numbers) are rounded away; a real third decimal ("10.005") is still refused. The
 * importer passes `noise` for files other programs wrote; what a person types stays exact.
 */
export function parseDecimalMoney(text: string, opts: { noise?: boolean } = {}): Money | null {
  const m = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  let frac = (m[3] ?? '').replace(/0+$/, '');
  let carry = 0;
  if (frac.length > 2) {
    if (!opts.noise) return null;
    const rest = Number(`0.${frac.slice(2)}`);
    if (!isFloatNoise(Math.min(rest, 1 - rest) / MONEY_SCALE, Number(`${m[2]!}.${frac}`))) return null;
    carry = rest >= 0.5 ? 1 : 0;
    frac = frac.slice(0, 2);
  }
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  const minor = Number(whole + frac.padEnd(2, '0')) + carry;
  if (!Number.isSafeInteger(minor) || minor > MONEY_MAX_MINOR) return null;
  return m[1] === '-' ? -minor || 0 : minor;
}

/** Minor units → plain decimal text ("1200.50"), exact. */
export function moneyToDecimal(minor: Money): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const units = Math.floor(abs / MONEY_SCALE);
  const cents = abs % MONEY_SCALE;
  return `${sign}${units}.${String(cents).padStart(2, '0')}`;
}

/** Minor units → the number a spreadsheet cell holds (1200.5). Exact for |x| < 2^53 / 100. */
export function moneyToNumber(minor: Money): number {
  return Number(moneyToDecimal(minor));
}

/** A spreadsheet number (1200.5) → minor units, rounding away binary noise (0.1+0.2). */
export function numberToMoney(value: number): Money | null {
  if (!Number.isFinite(value)) return null;
  const minor = Math.round(value * MONEY_SCALE);
  // Refuse values that carry a real third decimal (12.345), not float noise (12.34999999).
  // The tolerance (isFloatNoise) is relative for small amounts, then absolute, and grows with
  // the value only as float noise does: 1e-6 × value would let 12345.675 through.
  if (!isFloatNoise(Math.abs(minor / MONEY_SCALE - value), value)) return null;
  return isMoney(minor) ? minor : null;
}

/** Exact sum; throws rather than return an inexact total. */
export function sumMoney(values: Iterable<Money | null | undefined>): Money {
  let total = 0;
  for (const v of values) {
    if (v == null) continue;
    total += v;
    // Checked on every step: a running total past 2^53 loses units that later negative
    // amounts would not bring back.
    if (!Number.isSafeInteger(total)) throw new RangeError('Money total is too large to add up exactly');
  }
  return total;
}

/** Formats minor units for display with Intl, e.g. "£1,200.50". */
export function formatMoney(minor: Money, currency: string, locale: string, opts: { compact?: boolean } = {}): string {
  const value = moneyToNumber(minor);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: opts.compact ? 'compact' : 'standard',
      ...(opts.compact ? { minimumFractionDigits: 0, maximumFractionDigits: 1 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    }).format(value);
  } catch {
    return `${currency} ${moneyToDecimal(minor)}`;
  }
}
