import { describe, expect, it } from 'vitest';
import { MONEY_MAX_MINOR, formatMoney, isMoney, moneyToDecimal, moneyToNumber, numberToMoney, parseDecimalMoney, sumMoney } from './money';
import { seededRandom } from './ids';

describe('parseDecimalMoney', () => {
  it('reads plain decimals into minor units exactly', () => {
    expect(parseDecimalMoney('1200.50')).toBe(120_050);
    expect(parseDecimalMoney('1200.5')).toBe(120_050);
    expect(parseDecimalMoney('0.1')).toBe(10);
    expect(parseDecimalMoney('-0.05')).toBe(-5);
    expect(parseDecimalMoney('+4')).toBe(400);
    expect(parseDecimalMoney('  12.3 ')).toBe(1_230);
    expect(parseDecimalMoney('1.000')).toBe(100); // trailing zeros lose nothing
    expect(parseDecimalMoney('10000000000000.00')).toBe(MONEY_MAX_MINOR);
  });

  it('ignores leading zeros', () => {
    expect(parseDecimalMoney('007.50')).toBe(750);
    expect(parseDecimalMoney('0012')).toBe(1_200);
    expect(parseDecimalMoney('000')).toBe(0);
    expect(parseDecimalMoney('-00.10')).toBe(-10);
  });

  it('gives 0, not −0, for minus zero', () => {
    expect(Object.is(parseDecimalMoney('-0'), 0)).toBe(true);
    expect(Object.is(parseDecimalMoney('-0.00'), 0)).toBe(true);
  });

  it('refuses a third decimal rather than lose it', () => {
    expect(parseDecimalMoney('1.005')).toBeNull();
    expect(parseDecimalMoney('0.001')).toBeNull();
  });

  it('with noise (files other programs wrote), rounds float noise past the second decimal away and nothing more', () => {
    expect(parseDecimalMoney('83700.990000000000002', { noise: true })).toBe(8_370_099);
    expect(parseDecimalMoney('83700.99000000001', { noise: true })).toBe(8_370_099);
    expect(parseDecimalMoney('12.349999999999999', { noise: true })).toBe(1_235);
    expect(parseDecimalMoney('-0.30000000000000004', { noise: true })).toBe(-30);
    expect(parseDecimalMoney('0.009999999999999', { noise: true })).toBe(1);
    for (const real of ['10.005', '12345.675', '2500000.125', '0.001', '1.0000001', '123456789012.345']) expect(parseDecimalMoney(real, { noise: true }), real).toBeNull();
    // Without it, what a person typed is read exactly or refused.
    expect(parseDecimalMoney('83700.990000000000002')).toBeNull();
  });

  it('refuses anything that is not a plain decimal', () => {
    for (const text of ['', '   ', 'abc', '1e3', '1,200.50', '£12', '12-', '1.2.3', '.5', 'Infinity', 'NaN', '0x10']) {
      expect(parseDecimalMoney(text), text).toBeNull();
    }
  });

  it('refuses amounts above the stored maximum', () => {
    expect(parseDecimalMoney('10000000000000.01')).toBeNull();
    expect(parseDecimalMoney('99999999999999999999')).toBeNull();
  });
});

describe('moneyToDecimal', () => {
  it('writes minor units as exact decimal text', () => {
    expect(moneyToDecimal(120_050)).toBe('1200.50');
    expect(moneyToDecimal(-5)).toBe('-0.05');
    expect(moneyToDecimal(7)).toBe('0.07');
    expect(moneyToDecimal(0)).toBe('0.00');
    expect(moneyToDecimal(-120_050)).toBe('-1200.50');
    expect(moneyToDecimal(MONEY_MAX_MINOR)).toBe('10000000000000.00');
  });

  it('round-trips through parseDecimalMoney for any stored amount', () => {
    const rnd = seededRandom(2026);
    for (let i = 0; i < 2_000; i++) {
      const minor = Math.floor((rnd() * 2 - 1) * MONEY_MAX_MINOR);
      if (parseDecimalMoney(moneyToDecimal(minor)) !== minor) throw new Error(`${minor} → ${moneyToDecimal(minor)}`);
    }
    expect(parseDecimalMoney(moneyToDecimal(-MONEY_MAX_MINOR))).toBe(-MONEY_MAX_MINOR);
  });
});

describe('moneyToNumber and numberToMoney', () => {
  it('give the number a spreadsheet cell holds', () => {
    expect(moneyToNumber(120_050)).toBe(1200.5);
    expect(moneyToNumber(30)).toBe(0.3);
    expect(moneyToNumber(-5)).toBe(-0.05);
  });

  it('remove binary noise from spreadsheet numbers', () => {
    expect(numberToMoney(0.1 + 0.2)).toBe(30);
    expect(numberToMoney(1.1 * 3)).toBe(330); // 3.3000000000000003
    expect(numberToMoney(1.235 * 10)).toBe(1_235); // 12.350000000000001
    expect(numberToMoney(12.34999999)).toBe(1_235); // rounded by a formula, far below a cent
    expect(numberToMoney(1200.5)).toBe(120_050);
    expect(numberToMoney(-0.05)).toBe(-5);
    expect(numberToMoney(1.005)).toBeNull(); // the double nearest 1.005 is 1.00499999999999989…
  });

  it('refuse a real third decimal, whatever the size of the amount', () => {
    expect(numberToMoney(12.345)).toBeNull();
    expect(numberToMoney(5000.005)).toBeNull();
    expect(numberToMoney(12345.675)).toBeNull();
    expect(numberToMoney(2_500_000.125)).toBeNull();
    expect(numberToMoney(2_500_000.12)).toBe(250_000_012);
    expect(numberToMoney(123_456_789_012.345)).toBeNull();
  });

  it('refuse what cannot be stored', () => {
    expect(numberToMoney(1e20)).toBeNull();
    expect(numberToMoney(Number.NaN)).toBeNull();
    expect(numberToMoney(Number.POSITIVE_INFINITY)).toBeNull();
    expect(numberToMoney(10_000_000_000_000.01)).toBeNull();
  });

  it('round-trip every stored amount through a spreadsheet number', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const minor = Math.floor((rnd() * 2 - 1) * MONEY_MAX_MINOR);
      if (numberToMoney(moneyToNumber(minor)) !== minor) throw new Error(`${minor} → ${moneyToNumber(minor)}`);
    }
    expect(numberToMoney(moneyToNumber(MONEY_MAX_MINOR))).toBe(MONEY_MAX_MINOR);
  });
});

describe('isMoney', () => {
  it('accepts whole minor units within the stored range', () => {
    expect(isMoney(120_050)).toBe(true);
    expect(isMoney(-MONEY_MAX_MINOR)).toBe(true);
    expect(isMoney(10.5)).toBe(false);
    expect(isMoney(MONEY_MAX_MINOR + 1)).toBe(false);
    expect(isMoney('100')).toBe(false);
    expect(isMoney(Number.NaN)).toBe(false);
  });
});

describe('sumMoney', () => {
  it('adds 10,000 amounts of 0.10 to exactly 1,000.00', () => {
    const total = sumMoney(Array.from({ length: 10_000 }, () => 10));
    expect(total).toBe(100_000);
    expect(moneyToDecimal(total)).toBe('1000.00');
  });

  it('adds amounts that drift as floats exactly', () => {
    const typed = ['1200.50', '0.10', '0.20', '-0.05', '99999.99', '0.01'];
    const total = sumMoney(typed.map((t) => parseDecimalMoney(t)));
    expect(moneyToDecimal(total)).toBe('101200.75');
  });

  it('skips empty amounts', () => {
    expect(sumMoney([120_050, null, undefined, -50])).toBe(120_000);
    expect(sumMoney([])).toBe(0);
    expect(sumMoney([null, undefined])).toBe(0);
  });

  it('throws rather than return a total it cannot hold exactly', () => {
    expect(() => sumMoney([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMoney(Array.from({ length: 10 }, () => MONEY_MAX_MINOR))).toThrow('Money total is too large to add up exactly');
  });

  it('throws when a running total passes the exact range, even if later amounts bring it back', () => {
    // 10 × 10^15 + 1 is not representable: the 1 would be lost and the result be 0 instead of 1.
    const values = [...Array.from({ length: 10 }, () => MONEY_MAX_MINOR), 1, ...Array.from({ length: 10 }, () => -MONEY_MAX_MINOR)];
    expect(() => sumMoney(values)).toThrow(RangeError);
  });

  it('accepts any iterable', () => {
    function* amounts() {
      yield 100;
      yield 250;
    }
    expect(sumMoney(amounts())).toBe(350);
    expect(sumMoney(new Set([1, 2, 3]))).toBe(6);
  });
});

describe('formatMoney', () => {
  it('formats pounds for en-GB', () => {
    expect(formatMoney(120_050, 'GBP', 'en-GB')).toBe('£1,200.50');
    expect(formatMoney(-5, 'GBP', 'en-GB')).toMatch(/^[-−]£0\.05$/);
    expect(formatMoney(0, 'GBP', 'en-GB')).toBe('£0.00');
  });

  it('formats euros for de-DE', () => {
    expect(formatMoney(120_050, 'EUR', 'de-DE')).toMatch(/^1\.200,50\s€$/);
    expect(formatMoney(-120_050, 'EUR', 'de-DE')).toMatch(/^[-−]1\.200,50\s€$/);
  });

  it('has a compact form with at most one decimal', () => {
    expect(formatMoney(123_456_789, 'GBP', 'en-GB', { compact: true })).toBe('£1.2m');
    expect(formatMoney(123_456_789, 'EUR', 'de-DE', { compact: true })).toMatch(/^1,2\sMio\.\s€$/);
    expect(formatMoney(1_234_567, 'GBP', 'en-GB', { compact: true })).toBe('£12.3k');
    expect(formatMoney(5_000_000, 'GBP', 'en-GB', { compact: true })).toBe('£50k');
  });

  it('falls back to code and exact decimal when Intl refuses the currency or locale', () => {
    expect(formatMoney(120_050, 'EURO', 'en-GB')).toBe('EURO 1200.50');
    expect(formatMoney(100, 'GBP', 'not a locale!')).toBe('GBP 1.00');
  });
});
