// Record and journal ids: ULIDs (time-ordered, sortable as strings, unique without a server),
// so journal entries sort by time and sync engines can merge them. Clock and randomness are
// injected so tests and the demo generator are deterministic.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32
const TIME_LEN = 10;
const RANDOM_LEN = 16;

export interface IdSource {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A float in [0, 1). */
  random(): number;
}

export type IdGenerator = () => string;

function encodeTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > 2 ** 48 - 1) throw new RangeError(`ULID time out of range: ${ms}`);
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_LEN; i++) {
    out = ALPHABET[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** Monotonic ULID generator: ids made in the same millisecond still sort in creation order. */
export function createIdGenerator(source: IdSource): IdGenerator {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    let t = source.now();
    if (t < lastTime) t = lastTime; // a clock stepping back must not break ordering
    if (t === lastTime) {
      // Increment the random part as a base-32 number.
      let i = RANDOM_LEN - 1;
      while (i >= 0 && lastRandom[i] === 31) {
        lastRandom[i] = 0;
        i--;
      }
      if (i < 0) {
        t = lastTime + 1;
        lastRandom = Array.from({ length: RANDOM_LEN }, () => Math.floor(source.random() * 32));
      } else {
        lastRandom[i] = lastRandom[i]! + 1;
      }
    } else {
      lastRandom = Array.from({ length: RANDOM_LEN }, () => Math.floor(source.random() * 32));
    }
    lastTime = t;
    return encodeTime(t) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

/** Time (ms) encoded in a ULID, or null when the string is not one. */
export function ulidTime(id: string): number | null {
  if (!isUlid(id)) return null;
  let ms = 0;
  for (let i = 0; i < TIME_LEN; i++) ms = ms * 32 + ALPHABET.indexOf(id[i]!);
  return ms;
}

export function isUlid(id: string): boolean {
  // The first character holds the top 3 of the 48 time bits, so it is at most 7.
  return /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/.test(id);
}

/** A small seeded PRNG (mulberry32): deterministic randomness for demos, tests and benchmarks. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
