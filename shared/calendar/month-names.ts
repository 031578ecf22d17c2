// Month and weekday names as people write them, in English, German, French, Spanish and Dutch:
// the one table every reader of dates and period headers looks names up in (the register's date
// parser, the importer's period headers). Reading only: labels we write stay English
// (periods.ts MONTH_SHORT).
//
// A word names a month when, without accents, case and a trailing dot, it is
// - a full name or a listed abbreviation in one of the languages ("März", "Mrz", "févr.", "mei"), or
// - a prefix of three letters or more of full names that all name the same month ("Sept",
//   "Janu", "Dezem"); "jui" (juin or juillet) names none.

export type NameLanguage = 'en' | 'de' | 'fr' | 'es' | 'nl';

/** Full month names, January first, as written (with accents). */
export const MONTH_NAMES: Readonly<Record<NameLanguage, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};

/**
 * Abbreviations that are not prefixes of a full name (the prefixes are found anyway), per month:
 * German "Mrz", "Jän" (Austria), Dutch "mrt", Spanish "set" ("setiembre" is listed too).
 */
const MONTH_EXTRA: readonly (readonly string[])[] = [
  ['jän', 'jänner'],
  [],
  ['mrz', 'mrt'],
  [],
  [],
  [],
  [],
  [],
  ['setiembre', 'set'],
  [],
  [],
  [],
];

/** Full weekday names, Monday first. */
export const WEEKDAY_NAMES: Readonly<Record<NameLanguage, readonly string[]>> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
};

/** Weekday abbreviations of two letters ("Mo", "Di", "ma", "do"), which the prefix rule leaves out. */
const WEEKDAY_SHORT = ['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'lu', 'ma', 'me', 'je', 've', 'ju', 'vi', 'wo', 'vr', 'za', 'zo', 'tu', 'we', 'th', 'su'];

/** Lower case, accents removed ("März" → "marz", "août" → "aout"), a trailing dot dropped. */
export function foldName(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\.$/, '');
}

interface NameIndex {
  /** Folded full names and abbreviations → month or weekday (1-based). */
  exact: Map<string, number>;
  /** Folded full names with their number, for the prefix rule. */
  full: { name: string; n: number }[];
}

function buildIndex(names: Readonly<Record<NameLanguage, readonly string[]>>, extra: readonly (readonly string[])[]): NameIndex {
  const exact = new Map<string, number>();
  const full: { name: string; n: number }[] = [];
  for (const list of Object.values(names)) {
    list.forEach((name, i) => {
      const f = foldName(name);
      exact.set(f, i + 1);
      if (!full.some((e) => e.name === f)) full.push({ name: f, n: i + 1 });
    });
  }
  extra.forEach((list, i) => list.forEach((name) => exact.set(foldName(name), i + 1)));
  return { exact, full };
}

const MONTH_INDEX = buildIndex(MONTH_NAMES, MONTH_EXTRA);
const WEEKDAY_INDEX = buildIndex(WEEKDAY_NAMES, []);

function lookup(index: NameIndex, word: string): number | null {
  const w = foldName(word);
  if (!/^\p{L}+$/u.test(w)) return null;
  const hit = index.exact.get(w);
  if (hit !== undefined) return hit;
  if (w.length < 3) return null;
  let n: number | null = null;
  for (const e of index.full) {
    if (!e.name.startsWith(w)) continue;
    if (n !== null && n !== e.n) return null; // "jui": juin or juillet
    n = e.n;
  }
  return n;
}

/** The month (1–12) a word names in any of the five languages, or null. */
export function monthFromName(word: string): number | null {
  return lookup(MONTH_INDEX, word);
}

/**
 * Whether a word is a weekday name or abbreviation ("Montag", "Mon", "mié", "Di"). A word that
 * also names a month ("mar": Tuesday in Spanish, March everywhere) is a month: check
 * monthFromName first.
 */
export function isWeekdayName(word: string): boolean {
  const w = foldName(word);
  if (WEEKDAY_SHORT.includes(w)) return true;
  return lookup(WEEKDAY_INDEX, w) !== null;
}
