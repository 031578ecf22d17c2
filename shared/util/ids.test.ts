import { describe, expect, it } from 'vitest';
import { createIdGenerator, isUlid, seededRandom, ulidTime } from './ids';

/** A clock the test moves by hand. */
function manualClock(start: number) {
  let t = start;
  return {
    now: () => t,
    set(ms: number) {
      t = ms;
    },
  };
}

const constant = (x: number) => () => x;
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

describe('createIdGenerator', () => {
  it('makes 26-character Crockford base-32 ids whose first 10 characters encode the time', () => {
    // The example from the ULID specification: 1469918176385 ms → 01ARYZ6S41.
    const id = createIdGenerator({ now: () => 1469918176385, random: seededRandom(7) })();
    expect(id).toHaveLength(26);
    expect(id).toMatch(CROCKFORD);
    expect(id.slice(0, 10)).toBe('01ARYZ6S41');
    expect(isUlid(id)).toBe(true);
  });

  it('encodes the random part from the injected source (0 → all 0, just under 1 → all Z)', () => {
    expect(createIdGenerator({ now: () => 0, random: constant(0) })()).toBe('0'.repeat(26));
    expect(createIdGenerator({ now: () => 0, random: constant(0.999_999) })()).toBe('0'.repeat(10) + 'Z'.repeat(16));
  });

  it('keeps ids made in the same millisecond in creation order, by counting up the random part', () => {
    const next = createIdGenerator({ now: () => 1_000, random: constant(0) });
    const ids = Array.from({ length: 2_000 }, next);
    expect(ids[0]).toBe('00000000Z8' + '0000000000000000');
    expect(ids[1]).toBe('00000000Z8' + '0000000000000001');
    expect(ids[32]).toBe('00000000Z8' + '0000000000000010'); // carries into the next digit
    expect(new Set(ids).size).toBe(2_000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => ulidTime(id) === 1_000)).toBe(true);
  });

  it('keeps ids sorted when the clock steps backwards', () => {
    const clock = manualClock(Date.UTC(2026, 2, 1, 12));
    const next = createIdGenerator({ now: clock.now, random: seededRandom(1) });
    const first = next();
    clock.set(Date.UTC(2026, 2, 1, 11)); // an NTP correction moves the clock back an hour
    const second = next();
    const third = next();
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
    expect(ulidTime(second)).toBe(Date.UTC(2026, 2, 1, 12)); // stays on the latest time seen
    clock.set(Date.UTC(2026, 2, 1, 13));
    const fourth = next();
    expect(ulidTime(fourth)).toBe(Date.UTC(2026, 2, 1, 13));
    expect(fourth > third).toBe(true);
  });

  it('moves to the next millisecond when the random part of the same millisecond is all Z', () => {
    const next = createIdGenerator({ now: () => 5_000, random: constant(0.999_999) });
    const first = next();
    const second = next();
    expect(first).toBe('00000004W8' + 'Z'.repeat(16));
    expect(ulidTime(second)).toBe(5_001);
    expect(second).toBe('00000004W9' + 'Z'.repeat(16));
    expect(second > first).toBe(true);
    // The clock catching up with the borrowed millisecond still sorts after it.
    const third = next();
    expect(third > second).toBe(true);
  });

  it('refuses a time outside the 48 bits a ULID can hold', () => {
    expect(() => createIdGenerator({ now: () => -1, random: constant(0) })()).toThrow(RangeError);
    expect(() => createIdGenerator({ now: () => 2 ** 48, random: constant(0) })()).toThrow(RangeError);
    expect(createIdGenerator({ now: () => 2 ** 48 - 1, random: constant(0) })().slice(0, 10)).toBe('7ZZZZZZZZZ');
  });

  it('is deterministic with seededRandom: the same seed and clock give the same ids', () => {
    const make = (seed: number) => {
      const clock = manualClock(Date.UTC(2026, 10, 21, 9));
      const next = createIdGenerator({ now: clock.now, random: seededRandom(seed) });
      return Array.from({ length: 50 }, (_, i) => {
        if (i % 10 === 0) clock.set(clock.now() + 1_000);
        return next();
      });
    };
    expect(make(42)).toEqual(make(42));
    expect(make(42)).not.toEqual(make(43));
  });
});

describe('ulidTime', () => {
  it('gives back the time an id was made at', () => {
    for (const ms of [0, 1, 1469918176385, Date.UTC(2026, 0, 1), Date.UTC(2099, 11, 31, 23, 59, 59, 999), 2 ** 48 - 1]) {
      const id = createIdGenerator({ now: () => ms, random: seededRandom(ms % 1000) })();
      expect(ulidTime(id)).toBe(ms);
    }
  });

  it('is null for text that is not a ULID', () => {
    expect(ulidTime('p-1')).toBeNull();
    expect(ulidTime('01arz3ndektsv4rrffq69g5fav')).toBeNull(); // ids are stored upper case
    expect(ulidTime('')).toBeNull();
  });
});

describe('isUlid', () => {
  it('accepts 26 Crockford characters and nothing else', () => {
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FA')).toBe(false); // 25
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FAVX')).toBe(false); // 27
    for (const excluded of ['I', 'L', 'O', 'U']) expect(isUlid(`01ARZ3NDEKTSV4RRFFQ69G5FA${excluded}`)).toBe(false);
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FA-')).toBe(false);
  });

  it('refuses ids whose time would not fit in 48 bits (first character above 7)', () => {
    expect(isUlid('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(true);
    expect(isUlid('8ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(false);
    expect(ulidTime('ZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBeNull();
  });
});

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1_000 }, a);
    expect(Array.from({ length: 1_000 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs[0]).toBe(0.6011037519201636); // pinned: demo workbooks must not change between releases
    expect(new Set(xs).size).toBe(1_000);
  });

  it('gives a different sequence for a different seed', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});
