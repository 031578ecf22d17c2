import { describe, expect, it } from 'vitest';
import { MAX_PX_PER_DAY, MIN_PX_PER_DAY, centreOn, clampViewport, createViewport, dayToX, fitPortfolio, keyViewport, panBy, revealRow, rowAt, snapDays, visibleDays, visibleRows, withRowHeight, xToDay, zoomAt } from './viewport';

const base = createViewport({ width: 1000, height: 560, startDay: 20_000, pxPerDay: 2, rowHeight: 28 });

describe('visible rows and days', () => {
  it('shows the rows that reach into the screen, by index from the scroll position', () => {
    expect(visibleRows(base, 100)).toEqual({ first: 0, last: 19 });
    expect(visibleRows({ ...base, scrollTop: 14 }, 100)).toEqual({ first: 0, last: 20 });
    expect(visibleRows({ ...base, scrollTop: 28 * 50 }, 100)).toEqual({ first: 50, last: 69 });
    expect(visibleRows(base, 5)).toEqual({ first: 0, last: 4 });
    expect(visibleRows(base, 0)).toEqual({ first: 0, last: -1 });
  });

  it('maps days to x and back', () => {
    expect(visibleDays(base)).toEqual({ from: 20_000, to: 20_500 });
    expect(dayToX(base, 20_010)).toBe(20);
    expect(xToDay(base, 20)).toBe(20_010);
    expect(rowAt({ ...base, scrollTop: 30 }, 0, 100)).toBe(1);
    expect(rowAt(base, -1, 100)).toBe(-1);
    expect(rowAt(base, 27 * 28, 10)).toBe(-1);
  });
});

describe('pan and zoom', () => {
  it('pans by pixels and keeps the rows in range', () => {
    const v = panBy(base, 100, 56, 100);
    expect(v.startDay).toBe(20_050);
    expect(v.scrollTop).toBe(56);
    expect(panBy(base, 0, -500, 100).scrollTop).toBe(0);
    expect(panBy(base, 0, 1e9, 100).scrollTop).toBe(100 * 28 - 560);
    expect(panBy(base, 0, 500, 10).scrollTop).toBe(0); // everything fits
  });

  it('zooms about the pointer: the date under it stays under it', () => {
    const anchor = 300;
    const before = xToDay(base, anchor);
    const v = zoomAt(base, 3, anchor);
    expect(v.pxPerDay).toBe(6);
    expect(xToDay(v, anchor)).toBeCloseTo(before, 9);
  });

  it('stops at the zoom limits', () => {
    expect(zoomAt(base, 1e6).pxPerDay).toBe(MAX_PX_PER_DAY);
    expect(zoomAt(base, 1e-6).pxPerDay).toBe(MIN_PX_PER_DAY);
    expect(zoomAt(base, 0)).toBe(base);
    expect(clampViewport({ ...base, pxPerDay: Number.NaN }, 10).pxPerDay).toBe(2);
  });
});

describe('fit, today, reveal', () => {
  it('fits the portfolio with a margin and goes back to the first row', () => {
    const v = fitPortfolio({ ...base, scrollTop: 400 }, { from: 20_000, to: 20_999 }, 20_100);
    const days = visibleDays(v);
    expect(days.from).toBeLessThan(20_000);
    expect(days.to).toBeGreaterThan(21_000);
    expect(days.to - days.from).toBeLessThan(1000 * 1.1);
    expect(v.scrollTop).toBe(0);
    // Nothing dated: a year around today.
    const none = visibleDays(fitPortfolio(base, null, 20_100));
    expect(none.from).toBeLessThan(20_100);
    expect(none.to).toBeGreaterThan(20_100 + 200);
  });

  it('centres today', () => {
    const v = centreOn(base, 21_000);
    expect(dayToX(v, 21_000.5)).toBeCloseTo(500, 9);
  });

  it('scrolls just enough to show a row', () => {
    expect(revealRow(base, 5, 100)).toBe(base);
    expect(revealRow(base, 40, 100).scrollTop).toBe(41 * 28 - 560);
    expect(revealRow({ ...base, scrollTop: 2000 }, 3, 100).scrollTop).toBe(84);
  });

  it('keeps the top row when the row height changes', () => {
    const v = withRowHeight({ ...base, scrollTop: 280 }, 20, 100);
    expect(v.scrollTop).toBe(200);
  });
});

describe('keyboard', () => {
  const ctx = { totalRows: 100, today: 20_250, range: { from: 20_000, to: 20_400 } };
  it('pans with arrows, zooms with + and −, Home is today, F fits', () => {
    expect(keyViewport(base, 'ArrowRight', false, ctx)!.startDay).toBe(20_050);
    expect(keyViewport(base, 'ArrowLeft', true, ctx)!.startDay).toBe(20_000 - 400);
    expect(keyViewport(base, 'ArrowDown', false, ctx)!.scrollTop).toBe(28);
    expect(keyViewport(base, 'PageDown', false, ctx)!.scrollTop).toBe(532);
    expect(keyViewport(base, '+', false, ctx)!.pxPerDay).toBe(3);
    expect(keyViewport(base, '-', false, ctx)!.pxPerDay).toBeCloseTo(2 / 1.5, 9);
    const home = keyViewport(base, 'Home', false, ctx)!;
    expect(dayToX(home, 20_250.5)).toBeCloseTo(500, 9);
    const fit = keyViewport({ ...base, scrollTop: 100 }, 'f', false, ctx)!;
    expect(visibleDays(fit).from).toBeLessThan(20_000);
    expect(fit.scrollTop).toBe(0);
    expect(keyViewport(base, 'x', false, ctx)).toBeNull();
  });
});

describe('snapping', () => {
  it('rounds moves to days or weeks', () => {
    expect(snapDays(13.4, 'day')).toBe(13);
    expect(snapDays(-0.4, 'day')).toBe(0);
    expect(Object.is(snapDays(-0.4, 'day'), -0)).toBe(false);
    expect(snapDays(10, 'week')).toBe(7);
    expect(snapDays(11, 'week')).toBe(14);
    expect(snapDays(-4, 'week')).toBe(-7);
  });
});
