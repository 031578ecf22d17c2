// Which column of a client's sheet means which field: header names (normalised, abbreviations
// expanded, units and scales such as "(£k)" read off) and what the values look like (dates,
// money, RAG words, percentages, e-mail addresses). Pure: no DOM, no Node.
import type { SourceCell } from './source';
import { parseDateText } from '../register/convert';
import { detectPeriodColumns, parsePeriodHeader } from './periods';

import { IMPORT_KINDS, type ImportKind } from './kinds';
export { IMPORT_KINDS, type ImportKind };

export type FieldType =
  | 'text'
  | 'longtext'
  | 'person'
  | 'date'
  | 'money'
  | 'number'
  | 'percent'
  | 'rag'
  | 'select'
  | 'checkbox'
  | 'reference'
  | 'multiselect'
  | 'id'
  | 'period';

export interface ImportFieldSpec {
  key: string;
  label: string;
  type: FieldType;
  synonyms: string[];
  /** choices for select, as labels */
  choices?: string[];
}

export interface ColumnSuggestion {
  column: number;
  field: string | null;
  /** 0..1; 0 when no field is suggested. */
  score: number;
  /** Why, for the mapping screen: "header “Proj Name” is a synonym of Name", "values look like dates". */
  reason: string;
  /** The header says the numbers are in thousands ("(£k)", "'000") or millions ("(£m)"): multiply by this. */
  scale?: number;
}

// ---------------------------------------------------------------------------------------------
// Synonyms: what client sheets call each field, per import kind, in several languages. They are
// data, kept with the value synonyms in vocabulary.ts; re-exported here for the callers.

export { HEADER_SYNONYMS as SYNONYMS } from './vocabulary';
import { HEADER_COMPOUND_HEADS, lookupValue } from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Header normalisation.

export interface HeaderInfo {
  /** The header as given. */
  text: string;
  /** Normalised words: lower case, no accents or punctuation, abbreviations expanded. */
  tokens: string[];
  /** tokens joined by one space: equal keys name the same thing. */
  key: string;
  /** "(£k)" → 1000, "(£m)" → 1 000 000. */
  scale?: number;
  /** A currency symbol or code was seen ("(£)", "USD"). */
  currency: boolean;
  /** A unit in brackets: 'days', 'hours', 'weeks', 'fte'. */
  units: string[];
}

const CURRENCY_CODES = 'usd|gbp|eur|chf|aud|cad|jpy|inr|nzd|sek|nok|dkk|zar|cny|hkd|sgd|pln|czk|brl|mxn|huf|ron|aed|sar|try';
const CUR = `(?:\\p{Sc}|${CURRENCY_CODES})`;
const SCALE_THOUSANDS = new RegExp(`^(?:in\\s+)?${CUR}?\\s*(?:k|'?000s?|thousands?)\\s*${CUR}?$`, 'u');
const SCALE_MILLIONS = new RegExp(`^(?:in\\s+)?${CUR}?\\s*(?:m|mn|mm|mln|mio|millions?)\\s*${CUR}?$`, 'u');
const SCALE_BILLIONS = new RegExp(`^(?:in\\s+)?${CUR}?\\s*(?:bn|bln|billions?)\\s*${CUR}?$`, 'u');
const CURRENCY_ONLY = new RegExp(`^(?:in\\s+)?${CUR}$`, 'u');
/** Outside brackets: "Budget £k", "Cost k€", "Spend '000", "Value mn". */
const LOOSE_SCALE = new RegExp(`(^|\\s)(?:\\p{Sc}\\s?(k|m|mn|bn)|(k|m|mn|bn)\\s?\\p{Sc}|'(000)s?|(000)s|(mn))(?=\\s|$)`, 'gu');
const CURRENCY_TOKEN = new RegExp(`^(?:${CURRENCY_CODES})$`);
const UNIT_WORDS = new Map<string, string>([
  ['days', 'days'], ['day', 'days'], ['d', 'days'], ['md', 'days'], ['man days', 'days'], ['person days', 'days'],
  ['hours', 'hours'], ['hour', 'hours'], ['hrs', 'hours'], ['hr', 'hours'], ['h', 'hours'],
  ['hrs wk', 'hours'], ['hours week', 'hours'], ['h wk', 'hours'], ['h week', 'hours'], ['hpw', 'hours'],
  ['weeks', 'weeks'], ['wks', 'weeks'], ['fte', 'fte'],
]);

const ABBREVIATIONS = new Map<string, string[]>([
  ['proj', ['project']],
  ['prj', ['project']],
  ['mgr', ['manager']],
  ['mngr', ['manager']],
  ['pm', ['project', 'manager']],
  ['eac', ['forecast']],
  ['fc', ['forecast']],
  ['fcst', ['forecast']],
  ['bl', ['baseline']],
  ['exp', ['expected']],
  ['est', ['estimated']],
  ['dept', ['department']],
  ['desc', ['description']],
  ['descr', ['description']],
  ['pct', ['percent']],
  ['perc', ['percent']],
  ['prog', ['programme']],
  ['program', ['programme']],
  ['programs', ['programmes']],
  ['hrs', ['hours']],
  ['hr', ['hours']],
  ['wk', ['week']],
  ['wks', ['weeks']],
  ['mth', ['month']],
  ['amt', ['amount']],
  ['prio', ['priority']],
  ['cat', ['category']],
  ['bu', ['business', 'unit']],
  ['org', ['organisation']],
  ['organization', ['organisation']],
  ['mgmt', ['management']],
  ['dt', ['date']],
  ['num', ['id']],
  ['nr', ['id']],
  ['qty', ['quantity']],
  ['utilization', ['utilisation']],
  ['golive', ['go', 'live']],
  ['kickoff', ['kick', 'off']],
]);

const STOPWORDS = new Set(['the', 'of', 'to', 'for', 'in', 'by', 'on', 'at', 'and']);

/**
 * German and Dutch write "Projektname", "Projectnummer", "Budgetstatus" as one word: split off a
 * head word (vocabulary.ts) so "Projectnummer" is "project nummer", not a word that "project"
 * is a prefix of. English endings ("projections", "budgeting") are not split.
 */
function splitCompound(w: string): string[] {
  for (const head of HEADER_COMPOUND_HEADS) {
    if (w.length >= head.length + 3 && w.startsWith(head)) {
      const rest = w.slice(head.length);
      if (!/^(?:ions?|ing|ings|ed|er|ers|es|ion|ive|ives|ual)$/.test(rest)) return [head, rest];
    }
  }
  return [w];
}

/** Normalises a header (or a label or synonym: both sides go through the same steps). */
export function analyseHeader(text: string): HeaderInfo {
  let scale: number | undefined;
  let currency = false;
  const units: string[] = [];
  let s = String(text)
    .replace(/([a-z])([A-Z])/g, '$1 $2') // ProjectName → Project Name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  // Brackets: scales, currencies, % and units are read off; other words stay.
  s = s.replace(/[([{]([^)\]}]*)[)\]}]/g, (_all, inner: string) => {
    const t = inner.trim().replace(/\s+/g, ' ');
    if (SCALE_THOUSANDS.test(t)) scale = 1e3;
    else if (SCALE_MILLIONS.test(t)) scale = 1e6;
    else if (SCALE_BILLIONS.test(t)) scale = 1e9;
    else if (CURRENCY_ONLY.test(t)) currency = true;
    else if (t === '%') return ' percent ';
    else if (/^[\d\s\-–—.,/:to]*$/.test(t)) return ' '; // ranges: "(1-5)", "(0–100)"
    else {
      const unit = UNIT_WORDS.get(t.replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim());
      if (!unit) return ` ${inner} `;
      units.push(unit);
      return ' ';
    }
    if (/\p{Sc}/u.test(t) || new RegExp(CURRENCY_CODES).test(t)) currency = true;
    return ' ';
  });
  s = s.replace(LOOSE_SCALE, (_all, lead: string, a?: string, b?: string, c?: string, d?: string, e?: string) => {
    const unit = a ?? b ?? (c || d ? 'k' : e ? 'mn' : '');
    scale = unit === 'k' ? 1e3 : unit === 'bn' ? 1e9 : 1e6;
    if (a || b) currency = true;
    return lead;
  });
  if (/\p{Sc}/u.test(s)) {
    currency = true;
    s = s.replace(/\p{Sc}/gu, ' ');
  }
  s = s
    .replace(/\bw\s*\/\s*c\b/g, ' week commencing ')
    .replace(/\bw\s*\/\s*e\b/g, ' week ending ')
    .replace(/\bw\s*\/\s*b\b/g, ' week beginning ')
    .replace(/\be-mail\b/g, 'email')
    .replace(/%/g, ' percent ')
    .replace(/#/g, ' id ')
    .replace(/\bno\.(?=\s|$)/g, ' id ')
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');
  let words = s.split(' ').filter((w) => w !== '').flatMap(splitCompound);
  if (words.length > 1 && words[words.length - 1] === 'no') words[words.length - 1] = 'id';
  words = words.filter((w) => {
    if (CURRENCY_TOKEN.test(w)) {
      currency = true;
      return false;
    }
    return true;
  });
  const kept = words.filter((w) => !STOPWORDS.has(w));
  if (kept.length > 0) words = kept;
  const tokens: string[] = [];
  for (const w of words) {
    const expanded = ABBREVIATIONS.get(w);
    if (expanded) tokens.push(...expanded);
    else tokens.push(w);
  }
  const info: HeaderInfo = { text, tokens, key: tokens.join(' '), currency, units };
  if (scale !== undefined) info.scale = scale;
  return info;
}

/** The normalised key of a header: equal keys name the same thing ("Proj Name" = "Project name"). */
export function headerKey(text: string): string {
  return analyseHeader(text).key;
}

function tokenMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l === `${s}s` || l === `${s}es` || (s.endsWith('y') && l === `${s.slice(0, -1)}ies`)) return 0.95;
  // "prob" → probability, "plan" → planned; three letters say too little ("col" is not "colour").
  if (s.length >= 4 && l.startsWith(s)) return 0.8;
  return 0;
}

/** Trailing words that do not say what a column is about ("Go-live date" is about the go-live). */
const GENERIC_TAIL = new Set(['date', 'dates', 'name', 'value']);

function headToken(tokens: readonly string[]): string {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (!/^\d+$/.test(t) && !GENERIC_TAIL.has(t)) return t;
  }
  return tokens[tokens.length - 1]!;
}

/**
 * How well a header's words match a phrase's: 1 the same words, 0.95 the same words in another
 * order, less for partial overlap. A header that holds the whole phrase scores well when the
 * phrase names the header's main (last) word: "Dates Go-live" is a go-live, but "Project
 * manager" is not a project. A header that holds only part of the phrase scores low ("Forecast"
 * is not "Forecast start").
 */
export function phraseScore(header: readonly string[], phrase: readonly string[]): number {
  if (header.length === 0 || phrase.length === 0) return 0;
  if (header.length === phrase.length && header.every((t, i) => t === phrase[i])) return 1;
  let sumP = 0;
  let minP = 1;
  for (const p of phrase) {
    let best = 0;
    for (const h of header) best = Math.max(best, tokenMatch(h, p));
    sumP += best;
    minP = Math.min(minP, best);
  }
  if (sumP === 0) return 0;
  let sumH = 0;
  for (const h of header) {
    let best = 0;
    for (const p of phrase) best = Math.max(best, tokenMatch(h, p));
    sumH += best;
  }
  const cp = sumP / phrase.length;
  const ch = sumH / header.length;
  if (cp === 1 && ch === 1) return 0.95;
  // F-measure weighing the phrase's coverage four times the header's.
  const f = (5 * cp * ch) / (4 * ch + cp);
  if (minP >= 0.95) {
    const head = headToken(header);
    const named = phrase.some((p) => tokenMatch(head, p) >= 0.95);
    return 0.9 * f * (named ? 1 : 0.6);
  }
  return 0.9 * f * 0.85;
}

interface Phrase {
  text: string;
  tokens: string[];
  /** The field's own label or key: wins ties against another field's synonym. */
  own: boolean;
}

const phraseCache = new WeakMap<ImportFieldSpec, Phrase[]>();

function keyWords(key: string): string {
  // 'rag.overall' → 'rag overall', 'programmeId' → 'programme', 'objectiveIds' → 'objective'.
  return key
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/ Ids?$/, '')
    .trim();
}

function phrasesOf(field: ImportFieldSpec): Phrase[] {
  let list = phraseCache.get(field);
  if (list) return list;
  list = [];
  const seen = new Set<string>();
  const add = (text: string, own: boolean) => {
    const info = analyseHeader(text);
    if (!info.key || seen.has(info.key)) return;
    seen.add(info.key);
    list.push({ text, tokens: info.tokens, own });
  };
  add(field.label, true);
  add(keyWords(field.key), true);
  for (const s of field.synonyms) add(s, false);
  phraseCache.set(field, list);
  return list;
}

interface HeaderMatch {
  score: number;
  phrase: Phrase | null;
  exact: boolean;
}

const OWN_BONUS = 0.02;

const NO_MATCH: HeaderMatch = { score: 0, phrase: null, exact: false };

/**
 * Phrases of a field list by the first three letters of their words: two words can only match
 * (equal, plural or prefix of 3+ letters) when they share those, so a header is compared with
 * the few phrases that share one of its words' keys, not with all of them.
 */
type FieldIndex = Map<string, { field: number; phrase: Phrase }[]>;

const fieldIndexes = new WeakMap<readonly ImportFieldSpec[], { fields: ImportFieldSpec[]; index: FieldIndex }>();

function indexFields(fields: readonly ImportFieldSpec[]): FieldIndex {
  const cached = fieldIndexes.get(fields);
  // Keyed by the array; a caller that edits it in place gets a fresh index.
  if (cached && cached.fields.length === fields.length && cached.fields.every((f, i) => f === fields[i])) return cached.index;
  const index: FieldIndex = new Map();
  fields.forEach((field, i) => {
    for (const phrase of phrasesOf(field)) {
      for (const key of new Set(phrase.tokens.map((t) => t.slice(0, 3)))) {
        const list = index.get(key);
        if (list) list.push({ field: i, phrase });
        else index.set(key, [{ field: i, phrase }]);
      }
    }
  });
  fieldIndexes.set(fields, { fields: [...fields], index });
  return index;
}

/** The best phrase of every field for one header (NO_MATCH where none shares a word). */
function matchHeaderAll(info: HeaderInfo, fields: readonly ImportFieldSpec[], index: FieldIndex): HeaderMatch[] {
  const out = new Array<HeaderMatch>(fields.length).fill(NO_MATCH);
  if (info.tokens.length === 0) return out;
  const done = new Set<Phrase>();
  for (const t of info.tokens) {
    const list = index.get(t.slice(0, 3));
    if (!list) continue;
    for (const { field, phrase } of list) {
      if (done.has(phrase)) continue;
      done.add(phrase);
      const raw = phraseScore(info.tokens, phrase.tokens);
      if (raw === 0) continue;
      const score = raw + (phrase.own ? OWN_BONUS : 0);
      if (score > out[field]!.score) out[field] = { score, phrase, exact: raw === 1 };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values.

/** Combined ratings ("RA", "AG") that say a column holds RAG values though no one value is ours. */
const RAG_COMBINED = new Set(['rag', 'ra', 'ag']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PERCENT_TEXT = /^[-+]?\d+(?:[.,]\d+)?\s*%$/;
const CODE = /^[A-Za-z]{1,6}[-_/.]?\d{1,6}[A-Za-z]?$/;
const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-Za-z]{20,32})$/i;
const PERSON = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{Ll}'’-]+)+$/u;
const DATE_NUMERIC = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[ T]\d{1,2}:\d{2}.*)?$/;
const DATE_WORDY = /^(?:[a-z]{3,9},?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?[\s-]+[a-z]{3,9}\.?[\s,-]+\d{2,4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})$/i;

/** A date typed as text, in any day order (for evidence only: the importer asks the user's order). */
export function looksLikeDateText(text: string): boolean {
  const t = text.trim();
  if (t.length < 6 || t.length > 40) return false;
  const m = PLAIN_NUMERIC_DATE.exec(t);
  if (m) {
    // The common case without the full parser: three numbers, in some order, making a real date.
    const [a, b, c] = [m[1]!, m[3]!, m[4]!];
    if (a.length === 4) return realDate(Number(a), Number(b), Number(c));
    if (c.length !== 4 && c.length !== 2) return false;
    const y = c.length === 2 ? 2000 + Number(c) : Number(c);
    return realDate(y, Number(b), Number(a)) || realDate(y, Number(a), Number(b));
  }
  if (!DATE_NUMERIC.test(t) && !DATE_WORDY.test(t)) return false;
  return parseDateText(t, 'DMY').ok || parseDateText(t, 'MDY').ok;
}

const PLAIN_NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

function realDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const CODES_UPPER = CURRENCY_CODES.toUpperCase();
const LEADING_CODE = new RegExp(`^(?:${CODES_UPPER})\\s?(?=[\\d.(+-])`);
const TRAILING_CURRENCY = new RegExp(`(?<=[\\d.,)])\\s*(?:\\p{Sc}|${CODES_UPPER})$`, 'u');

const GROUPED = /^\d{1,3}(?:([.,'’ \u00A0\u202F])\d{3})(?:\1\d{3})*$/;
const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/** The digits of an integer part, plain or grouped in thousands; null when it is neither. */
function wholeDigits(w: string): string | null {
  return w === '' || /^\d+$/.test(w) || GROUPED.test(w) ? w.replace(/\D/g, '') : null;
}

const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mm: 1e6, mln: 1e6, bn: 1e9, b: 1e9 };

/**
 * A number as clients type it, leniently, for evidence and totals: "$1,200.50", "1.200,50 €",
 * "(500)", "-3", "1.2m", "45". `money` is set when a currency, brackets or k/m/bn were seen.
 * The importer parses for real with the workbook's locale; this never decides a stored value.
 */
export function parseLooseNumber(text: string): { value: number; money: boolean } | null {
  let s = text.trim();
  if (s === '' || s.length > 40) return null;
  const first = s.charCodeAt(0);
  // Cheap rejection of ordinary words: numbers start with a digit, a sign, a bracket, a point
  // or a currency ("$", "£", "US$", "USD 12"); dates and times hold "/" or ":".
  const digit = first >= 48 && first <= 57;
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (letter) {
    // "US$12", "R$ 5" (a currency sign after one or two letters) or "USD 12".
    const c1 = s.charCodeAt(1);
    const c2 = s.charCodeAt(2);
    const signAfter = (c1 === 36 || c1 > 127 || c2 === 36 || c2 > 127) && /^[A-Za-z]{1,2}\p{Sc}/u.test(s);
    if (!signAfter && !(c1 >= 65 && c1 <= 90 && LEADING_CODE.test(s))) return null;
  } else if (!digit && first < 128 && !'-+(.$'.includes(s[0]!)) return null;
  if (s.includes('/') || s.includes(':')) return null;
  if (PLAIN_NUMBER.test(s)) return { value: Number(s), money: false };
  s = s.replace(/\u2212/g, '-');
  let negative = false;
  let money = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    money = true;
    s = s.slice(1, -1).trim();
  }
  const marks = !/^[\d.,'’ \u00A0\u202F+-]*$/.test(s);
  for (let i = 0; i < 2; i++) {
    if (s[0] === '+' || s[0] === '-') {
      if (s[0] === '-') negative = !negative;
      s = s.slice(1).trim();
    }
    if (!marks) break;
    const before = s;
    s = s.replace(LEADING_CODE, '').replace(/^[A-Za-z]{0,2}\p{Sc}\s*/u, '').replace(TRAILING_CURRENCY, '');
    if (s !== before) money = true;
  }
  let mult = 1;
  const m = marks ? /(?<=\d)\s*(k|mn|mm|mln|m|bn|b)$/i.exec(s) : null;
  if (m) {
    mult = MULTIPLIER[m[1]!.toLowerCase()] ?? 1;
    money = true;
    s = s.slice(0, m.index);
  }
  if (!/^\d[\d.,'’ \u00A0\u202F]*$/.test(s) && !/^\.\d+$/.test(s)) return null;
  if (/[ '’\u00A0\u202F]$/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let plain: string | null;
  if (dots && commas) {
    // Both marks: the rightmost is the decimal one ("1,200.50", "1.200,50").
    const at = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const frac = s.slice(at + 1);
    const w = wholeDigits(s.slice(0, at));
    plain = w !== null && /^\d+$/.test(frac) ? `${w}.${frac}` : null;
  } else if (dots + commas === 1) {
    const mark = dots ? '.' : ',';
    const [left = '', frac = ''] = s.split(mark);
    const w = wholeDigits(left);
    // "1,200" groups thousands; "1.5" and "0,75" are decimals.
    const grouping = mark === ',' && frac.length === 3 && /^\d{1,3}$/.test(left);
    plain = w === null || !/^\d*$/.test(frac) ? null : grouping ? w + frac : `${w || '0'}.${frac || '0'}`;
  } else {
    plain = wholeDigits(s); // "1,200,000", "1.200.000", "1 200"; not "03.04.2026"
  }
  if (plain === null) return null;
  const value = Number(plain) * mult;
  if (!Number.isFinite(value)) return null;
  return { value: negative ? -value : value, money };
}

/** Text that may name a week or a month: starts with a year, a week mark or a month name or number. */
const PERIOD_SHAPE = /^(?:\d{4}|\d{1,2}[-/.]\d{4}|w|wk|week|w\/?[cbe]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/'])/i;

/** What one cell looks like. */
export type ValueKind = 'blank' | 'date' | 'number' | 'money' | 'percent' | 'rag' | 'bool' | 'email' | 'period' | 'text';

export function classifyValue(cell: SourceCell | undefined): ValueKind {
  if (cell === null || cell === undefined) return 'blank';
  if (typeof cell === 'number') return Number.isFinite(cell) ? 'number' : 'text';
  if (typeof cell === 'boolean') return 'bool';
  if (typeof cell === 'object') return 'd' in cell ? 'date' : 'percent';
  const t = cell.trim();
  if (t === '') return 'blank';
  if (t.length <= 16 && !/\d/.test(t)) {
    // The words of vocabulary.ts; "Y" is yes more often than yellow.
    if (lookupValue('yesNo', t) !== undefined) return 'bool';
    if (lookupValue('rag', t) !== undefined || RAG_COMBINED.has(t.toLowerCase().replace(/[\s\-_]+/g, ''))) return 'rag';
  }
  if (t.endsWith('%') && t.length <= 20 && PERCENT_TEXT.test(t)) return 'percent';
  if (t.includes('@') && EMAIL.test(t)) return 'email';
  if (!/\d/.test(t)) return 'text';
  const n = parseLooseNumber(t);
  if (n) return n.money ? 'money' : 'number';
  if (looksLikeDateText(t)) return 'date';
  if (t.length <= 30 && PERIOD_SHAPE.test(t) && parsePeriodHeader(t, { dateOrder: 'DMY' })) return 'period';
  return 'text';
}

interface Profile {
  n: number;
  date: number;
  number: number;
  money: number;
  percent: number;
  /** Numbers between 0 and 1, or between 0 and 100. */
  fraction: number;
  upTo100: number;
  /** Whole numbers 1–5 (probability, impact). */
  oneToFive: number;
  rag: number;
  bool: number;
  email: number;
  period: number;
  text: number;
  code: number;
  uuid: number;
  long: number;
  person: number;
  distinct: number;
  /** Match keys of the text values (for select choices); capped. */
  keys: Map<string, number>;
}

function emptyProfile(): Profile {
  return { n: 0, date: 0, number: 0, money: 0, percent: 0, fraction: 0, upTo100: 0, oneToFive: 0, rag: 0, bool: 0, email: 0, period: 0, text: 0, code: 0, uuid: 0, long: 0, person: 0, distinct: 0, keys: new Map() };
}

function profileColumn(sample: readonly (readonly SourceCell[])[], column: number): Profile {
  const p = emptyProfile();
  const seen = new Set<string>();
  // Status, RAG and date columns repeat their values: classify each distinct text once.
  const memo = new Map<string, ValueKind>();
  for (const row of sample) {
    const cell = row[column];
    let kind: ValueKind;
    if (typeof cell === 'string') {
      const known = memo.get(cell);
      kind = known ?? classifyValue(cell);
      if (known === undefined && memo.size < 256) memo.set(cell, kind);
    } else kind = classifyValue(cell);
    if (kind === 'blank') continue;
    p.n++;
    if (seen.size < 500) seen.add(typeof cell === 'object' && cell !== null ? JSON.stringify(cell) : String(cell));
    switch (kind) {
      case 'number': {
        p.number++;
        const v = typeof cell === 'number' ? cell : (parseLooseNumber(String(cell))?.value ?? NaN);
        if (v >= 0 && v <= 1) p.fraction++;
        if (v >= 0 && v <= 100) p.upTo100++;
        if (Number.isInteger(v) && v >= 1 && v <= 5) p.oneToFive++;
        break;
      }
      case 'text': {
        p.text++;
        const t = String(cell).trim();
        if (CODE.test(t)) p.code++;
        else if (UUID.test(t) && /\d/.test(t)) p.uuid++;
        if (t.length > 60) p.long++;
        if (PERSON.test(t)) p.person++;
        const key = t.normalize('NFC').toLowerCase().replace(/\s+/g, '');
        if (p.keys.size < 300 || p.keys.has(key)) p.keys.set(key, (p.keys.get(key) ?? 0) + 1);
        break;
      }
      default:
        p[kind]++;
    }
  }
  p.distinct = seen.size;
  return p;
}

function isEmailField(f: ImportFieldSpec): boolean {
  return /e-?mail/i.test(f.key) || /e-?mail/i.test(f.label);
}

/** −1 (the values contradict the type) … 1 (they are exactly what the field holds). */
function valueFit(p: Profile, f: ImportFieldSpec): number {
  if (p.n === 0) return 0;
  const r = (x: number) => x / p.n;
  const numeric = r(p.number + p.money);
  const plainText = r(p.text);
  let pos = 0;
  let neg = 0;
  if (isEmailField(f)) {
    pos = r(p.email);
    neg = 1 - pos;
  } else {
    switch (f.type) {
      case 'date':
        pos = r(p.date);
        neg = numeric + r(p.percent + p.rag + p.email + p.bool) + plainText * 0.7;
        break;
      case 'period':
        pos = r(p.date + p.period);
        neg = numeric * 0.5 + r(p.rag + p.email) + plainText * 0.5;
        break;
      case 'money':
        pos = r(p.money) + r(p.number) * 0.8;
        neg = r(p.date + p.rag + p.email + p.bool + p.period) + plainText * 0.8;
        break;
      case 'number':
        pos = r(p.number) + r(p.money) * 0.4 + r(p.percent) * 0.3;
        neg = r(p.date + p.rag + p.email + p.period) + plainText * 0.8;
        break;
      case 'percent': {
        const pctLike = p.number > 0 ? Math.max(p.fraction, p.upTo100 * 0.7) / p.number : 0;
        pos = r(p.percent) + r(p.number) * pctLike * 0.7;
        neg = r(p.date + p.rag + p.email + p.period) + plainText * 0.8 + r(p.money) * 0.5;
        break;
      }
      case 'rag':
        pos = r(p.rag);
        neg = r(p.date + p.email + p.percent) + numeric + r(p.long) + plainText * 0.3;
        break;
      case 'checkbox':
        pos = r(p.bool);
        neg = r(p.date + p.money + p.email + p.long + p.rag) + plainText * 0.5;
        break;
      case 'person':
        pos = r(p.person) * 0.8 + r(p.email) * 0.4 + plainText * 0.2;
        neg = r(p.date + p.rag + p.percent) + numeric;
        break;
      case 'longtext':
        pos = r(p.long) + plainText * 0.3;
        neg = r(p.date + p.rag + p.percent) + numeric;
        break;
      case 'id':
        pos = r(p.uuid);
        neg = r(p.date + p.money + p.rag + p.long + p.percent) + r(p.code) * 0.4;
        break;
      case 'select':
      case 'reference':
      case 'multiselect':
      case 'text': {
        if (f.choices && f.choices.length > 0) {
          const choices = new Set(f.choices.map((c) => c.normalize('NFC').toLowerCase().replace(/\s+/g, '')));
          let hits = 0;
          for (const [k, count] of p.keys) if (choices.has(k)) hits += count;
          pos = r(hits);
          neg = (1 - r(hits)) * 0.5;
        } else {
          pos = plainText * 0.4 + (f.type === 'select' && p.distinct <= Math.max(3, p.n / 4) ? 0.2 : 0);
          neg = r(p.date) * 0.8 + r(p.money + p.rag * 0.5 + p.percent * 0.5) + (f.type === 'text' || f.type === 'reference' ? r(p.long) * 0.3 : r(p.long)) + r(p.number) * 0.3;
        }
        break;
      }
    }
  }
  if (f.key === 'code') pos += r(p.code) * 0.6;
  if (f.key === 'probability' || f.key === 'impact') pos += r(p.oneToFive) * 0.3;
  return Math.max(-1, Math.min(1, pos - neg));
}

/** A field counted in hours (capacity, allocation amount). */
function inHours(f: ImportFieldSpec): boolean {
  return /hour/i.test(`${f.key} ${f.label}`) || f.synonyms.slice(0, 3).some((s) => /hour/i.test(s));
}

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['money', 'number', 'percent']);

/** Values that rule a field out whatever the header says: a column of dates is never a budget. */
function clashes(p: Profile, f: ImportFieldSpec): boolean {
  if (p.n === 0) return false;
  const dom = (x: number) => x / p.n >= 0.6;
  const t = f.type;
  const email = isEmailField(f);
  if (dom(p.date)) return email || NUMERIC_TYPES.has(t) || t === 'rag' || t === 'checkbox' || t === 'person' || t === 'longtext';
  if (dom(p.rag)) return email || NUMERIC_TYPES.has(t) || t === 'date' || t === 'period' || t === 'id';
  if (dom(p.email)) return NUMERIC_TYPES.has(t) || t === 'date' || t === 'period' || t === 'rag' || t === 'checkbox';
  if (dom(p.money)) return email || t === 'date' || t === 'period' || t === 'rag' || t === 'checkbox';
  if (dom(p.number + p.money + p.percent)) return email || t === 'rag' || t === 'period' || (t === 'date' && p.money > 0);
  if (dom(p.long)) return NUMERIC_TYPES.has(t) || t === 'date' || t === 'period' || t === 'rag' || t === 'checkbox';
  return false;
}

type EvidenceKind = 'date' | 'money' | 'percent' | 'rag' | 'email' | 'bool' | 'period' | 'number';

const KIND_WORDS: Record<EvidenceKind, string> = {
  date: 'dates',
  money: 'amounts of money',
  percent: 'percentages',
  rag: 'RAG ratings',
  email: 'e-mail addresses',
  bool: 'yes/no values',
  period: 'periods',
  number: 'numbers',
};

/** The kind of value a column mostly holds, when one kind clearly dominates. */
function dominantKind(p: Profile): EvidenceKind | null {
  if (p.n === 0) return null;
  const kinds = ['date', 'money', 'percent', 'rag', 'email', 'bool', 'period', 'number'] as const;
  for (const k of kinds) if (p[k] / p.n >= 0.6) return k;
  if ((p.number + p.money) / p.n >= 0.6) return p.money > 0 ? 'money' : 'number';
  return null;
}

/** Types whose values alone can place an unnamed column. */
const VALUE_ONLY: ReadonlyMap<EvidenceKind, (f: ImportFieldSpec) => boolean> = new Map<EvidenceKind, (f: ImportFieldSpec) => boolean>([
  ['date', (f) => f.type === 'date' && !isEmailField(f)],
  ['rag', (f) => f.type === 'rag'],
  ['email', (f) => isEmailField(f)],
  ['money', (f) => f.type === 'money'],
  ['percent', (f) => f.type === 'percent'],
]);

// ---------------------------------------------------------------------------------------------
// Assignment.

/** Hungarian algorithm on a square cost matrix (minimises): assignment[row] = column. */
function hungarian(cost: number[][]): number[] {
  const n = cost.length;
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(INF);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const row = cost[i0 - 1]!;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = row[j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j]! > 0) assignment[p[j]! - 1] = j - 1;
  return assignment;
}

const MIN_SCORE = 0.5;
const VALUE_ONLY_SCORE = 0.35;

interface Candidate {
  score: number;
  header: HeaderMatch;
  fit: number;
}

function quote(s: string): string {
  return `“${s.replace(/\s+/g, ' ').trim()}”`;
}

function headerReason(header: string, field: ImportFieldSpec, m: HeaderMatch): string {
  const p = m.phrase!;
  if (m.exact) return p.own ? `header ${quote(header)} matches ${field.label}` : `header ${quote(header)} is a synonym of ${field.label}`;
  return `header ${quote(header)} resembles ${quote(p.text)} (${field.label})`;
}

/**
 * One suggestion per column: the field it most likely holds, or null. Each field is used at
 * most once; the pairs are chosen together to maximise the total score (an optimal assignment),
 * so a column that fits a field less well does not take it from one that fits it better.
 */
export function suggestMapping(headers: readonly string[], sample: readonly (readonly SourceCell[])[], fields: readonly ImportFieldSpec[]): ColumnSuggestion[] {
  const width = headers.length;
  const infos = headers.map((h) => analyseHeader(h ?? ''));
  const rows = sample.length > 200 ? sample.slice(0, 200) : sample;
  const profiles = headers.map((_, c) => profileColumn(rows, c));

  // Scores of every (column, field) pair that passes.
  const index = indexFields(fields);
  const daysRejected = new Map<number, string>();
  /** The header names some field (even one its values rule out): values alone do not override it. */
  const headerKnown = new Uint8Array(width);
  const cands: (Candidate | null)[][] = [];
  for (let c = 0; c < width; c++) {
    const info = infos[c]!;
    const p = profiles[c]!;
    const matches = matchHeaderAll(info, fields, index);
    const list: (Candidate | null)[] = [];
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const header = matches[f]!;
      if (header.score >= MIN_SCORE) headerKnown[c] = 1;
      if (header.score === 0 || clashes(p, field)) {
        list.push(null);
        continue;
      }
      let fit = valueFit(p, field);
      if (p.n < 3) fit *= p.n / 3;
      let score = header.score + 0.15 * fit;
      if ((info.currency || info.scale) && field.type === 'money') score += 0.05;
      if (info.units.includes('days') && inHours(field)) {
        // Days need converting: not silently read as hours.
        daysRejected.set(c, field.label);
        list.push(null);
        continue;
      }
      list.push(score >= MIN_SCORE ? { score, header, fit } : null);
    }
    cands.push(list);
  }

  const result: ColumnSuggestion[] = headers.map((h, c) => ({
    column: c,
    field: null,
    score: 0,
    reason:
      (h ?? '').trim() === '' && profiles[c]!.n === 0
        ? 'empty column'
        : daysRejected.has(c)
          ? `header ${quote(h ?? '')} is in days; ${daysRejected.get(c)!} is in hours`
          : `no field matches header ${quote(h ?? '')}`,
  }));
  const assignedField = new Map<number, number>(); // field index → column

  const rowsWith = [...Array(width).keys()].filter((c) => cands[c]!.some((x) => x !== null));
  if (rowsWith.length > 0 && fields.length > 0) {
    const n = Math.max(rowsWith.length, fields.length);
    // Tiny tie-breakers: earlier fields, then earlier columns, win exact ties.
    const cost = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        const c = rowsWith[i];
        const cand = c === undefined || j >= fields.length ? null : cands[c]![j];
        // Cubed: a sure pair is not traded for two doubtful ones ("Status" keeps Stage even
        // if "Status 2" could then take it and "Status" something weaker).
        return cand ? -(cand.score ** 3 - j * 1e-7 - i * 1e-9) : 0;
      }),
    );
    const assignment = hungarian(cost);
    rowsWith.forEach((c, i) => {
      const f = assignment[i]!;
      const cand = f >= 0 && f < fields.length ? cands[c]![f] : null;
      if (!cand) return;
      const field = fields[f]!;
      const dom = dominantKind(profiles[c]!);
      let reason = headerReason(headers[c] ?? '', field, cand.header);
      if (cand.fit >= 0.5 && dom) reason += `; values look like ${KIND_WORDS[dom]}`;
      result[c] = { column: c, field: field.key, score: Math.min(1, Math.max(0, cand.score)), reason };
      assignedField.set(f, c);
    });
    for (const c of rowsWith) {
      if (result[c]!.field !== null) continue;
      let best = -1;
      for (let f = 0; f < fields.length; f++) if (cands[c]![f] && (best < 0 || cands[c]![f]!.score > cands[c]![best]!.score)) best = f;
      const other = assignedField.get(best);
      if (best >= 0 && other !== undefined) result[c]!.reason = `${fields[best]!.label} fits column ${other + 1} (${quote(headers[other] ?? '')}) better`;
    }
  }

  // Columns no header names: strong value evidence alone, when it points at one free field.
  for (let c = 0; c < width; c++) {
    if (result[c]!.field !== null || headerKnown[c]) continue;
    const p = profiles[c]!;
    if (p.n < 3) continue;
    const dom: EvidenceKind | null = p.email / p.n >= 0.6 ? 'email' : dominantKind(p);
    const accepts = dom ? VALUE_ONLY.get(dom) : undefined;
    if (!dom || !accepts) continue;
    const free = fields.map((f, i) => ({ f, i })).filter(({ f, i }) => !assignedField.has(i) && accepts(f) && !clashes(p, f) && valueFit(p, f) >= 0.8);
    // RAG columns: the overall rating is the one a lone "RAG-looking" column most likely holds.
    const pick = free.length === 1 ? free[0] : dom === 'rag' ? (free.find(({ f }) => /overall/i.test(f.key)) ?? undefined) : undefined;
    if (!pick) continue;
    assignedField.set(pick.i, c);
    result[c] = { column: c, field: pick.f.key, score: VALUE_ONLY_SCORE, reason: `values look like ${KIND_WORDS[dom]}` };
  }

  for (const r of result) {
    if (r.field === null) continue;
    const f = fields.find((x) => x.key === r.field);
    const scale = infos[r.column]!.scale;
    if (scale !== undefined && f && (f.type === 'money' || f.type === 'number')) r.scale = scale;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Which kind of records a sheet holds.

/** A header naming a project's own code or name, in the five languages. */
const PROJECT_KEY_HEADER = /^(project|projekt|projet|proyecto|proj\.?)\s*[-_#:.]?\s*(id|no\.?|nr\.?|#|number|code|key|ref(erence)?|name|title|nummer|kennung|titel|bezeichnung|nom|num[ée]ro|titre|nombre|c[óo]digo|n[úu]mero|t[íi]tulo|naam|nummer)$/i;

/** The same, with the word for project last: "Nom du projet", "Código de proyecto", "Code projet". */
const PROJECT_KEY_HEADER_AFTER = /^(nom|nombre|code|c[óo]digo|n[úu]m[ée]ro|id|titre|t[íi]tulo|r[ée]f[ée]rence|referencia)\s+(du\s+|de\s+|del\s+)?(projet|proyecto)$/i;

const SHEET_WORDS: Record<ImportKind, RegExp> = {
  project: /project|portfolio|register|pipeline|initiative|programme|program/i,
  milestone: /milestone|deliverable|key dates|roadmap/i,
  resource: /resource|people|staff|team|employee|personnel|headcount/i,
  allocation: /allocation|assignment|booking|demand|capacity plan|resource plan|forecast hours|timesheet|utili[sz]ation/i,
  raid: /raid|risk|issue|assumption|dependenc|log/i,
  status: /status|highlight|progress report|monthly report|rag history|bericht|rapport|informe|verslag/i,
};

/**
 * The kind of records a sheet most likely holds, from its headers (a header that matches
 * fields of several kinds, such as "Name" or "Start", counts for little), its name, for
 * allocations a run of week or month columns, and, given a sample of its rows, for status
 * reports several rows per project beside a month or date column (a register lists each
 * project once; a status log lists it every month). Null when nothing stands out.
 */
export function guessKind(
  headers: readonly string[],
  catalogue: Record<ImportKind, ImportFieldSpec[]>,
  sheetName: string,
  sample: readonly (readonly SourceCell[])[] = [],
): { kind: ImportKind | null; score: number; reason: string } {
  const infos = headers.map((h) => analyseHeader(h ?? ''));
  const kinds = IMPORT_KINDS.filter((k) => Object.prototype.hasOwnProperty.call(catalogue, k) && Array.isArray(catalogue[k]));
  // best[k][h]: the best field of kind k for header h.
  const best = new Map<ImportKind, { score: number; field: number }[]>();
  for (const k of kinds) {
    const fields = catalogue[k];
    const index = indexFields(fields);
    best.set(
      k,
      infos.map((info) => {
        let top = { score: 0, field: -1 };
        matchHeaderAll(info, fields, index).forEach((m, i) => {
          if (m.score > top.score) top = { score: m.score, field: i };
        });
        return top;
      }),
    );
  }
  // A status report needs its period: a sheet with no column naming one (a register on a sheet
  // called "Status", its RAG column matching) cannot be a status log, whatever its name says,
  // and its headers do not count as shared with it.
  const periodField = kinds.includes('status') ? catalogue.status.findIndex((f) => f.key === 'period') : -1;
  if (periodField >= 0 && !best.get('status')!.some((b) => b.field === periodField && b.score >= 0.6)) kinds.splice(kinds.indexOf('status'), 1);
  const spread = infos.map((_, h) => kinds.filter((k) => best.get(k)![h]!.score >= 0.8).length);
  const raw = new Map<ImportKind, number>();
  const matched = new Map<ImportKind, string[]>();
  for (const k of kinds) {
    const fields = catalogue[k];
    const pairs = best
      .get(k)!
      .map((b, h) => ({ h, ...b }))
      .filter((b) => b.score >= 0.6)
      .sort((a, b) => b.score - a.score || a.h - b.h);
    const usedFields = new Set<number>();
    let total = 0;
    const names: string[] = [];
    for (const p of pairs) {
      if (usedFields.has(p.field)) continue;
      usedFields.add(p.field);
      total += p.score / Math.max(1, spread[p.h]!);
      if (names.length < 4) names.push(`${quote(headers[p.h] ?? '')} → ${fields[p.field]!.label}`);
    }
    raw.set(k, total);
    matched.set(k, names);
  }
  const nameHits: ImportKind[] = [];
  for (const k of kinds) {
    if (SHEET_WORDS[k].test(sheetName)) {
      raw.set(k, raw.get(k)! + 1.5);
      nameHits.push(k);
    }
  }
  // "Project ID", "Project Name", "Projektnummer": headers that name the project's own key say
  // the rows are projects (a file exported as export.csv has no sheet name to go by).
  const ownKeys = headers.filter((h) => PROJECT_KEY_HEADER.test((h ?? '').trim()) || PROJECT_KEY_HEADER_AFTER.test((h ?? '').trim())).length;
  if (ownKeys > 0 && raw.has('project')) raw.set('project', raw.get('project')! + Math.min(1.5, 0.75 * ownKeys));
  const grid = detectPeriodColumns(headers, { dateOrder: 'DMY' });
  if (grid && grid.columns.length >= 3 && raw.has('allocation')) raw.set('allocation', raw.get('allocation')! + 3);
  const log = raw.has('status') ? statusLogEvidence(best.get('status')!, catalogue.status, sample) : null;
  if (log) raw.set('status', raw.get('status')! + 2.5);

  const ranked = [...raw.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 1.5) return { kind: null, score: 0, reason: 'the headers match no kind of record well' };
  const margin = (top[1] - (second?.[1] ?? 0)) / top[1];
  const score = Math.max(0, Math.min(1, margin * Math.min(1, top[1] / 4)));
  const parts: string[] = [];
  const names = matched.get(top[0])!;
  if (names.length) parts.push(`headers match ${top[0]} fields (${names.join(', ')})`);
  if (nameHits.includes(top[0])) parts.push(`sheet name ${quote(sheetName)}`);
  if (top[0] === 'allocation' && grid && grid.columns.length >= 3) parts.push(`${grid.columns.length} ${grid.kind} columns`);
  if (top[0] === 'status' && log) parts.push(log);
  return { kind: top[0], score, reason: parts.join('; ') };
}

/**
 * A status log's shape in a sample of rows: the column that best names a status report's project
 * repeats its values (at least 4 rows, at most 70 % of them distinct: several rows per project),
 * and another column names the period (a month or a date). The reason in words, or null.
 */
function statusLogEvidence(best: readonly { score: number; field: number }[], fields: readonly ImportFieldSpec[], sample: readonly (readonly SourceCell[])[]): string | null {
  const columnOf = (key: string) => {
    let top = { column: -1, score: 0.6 };
    best.forEach((b, column) => {
      if (b.field >= 0 && fields[b.field]?.key === key && b.score >= top.score) top = { column, score: b.score };
    });
    return top.column;
  };
  const project = columnOf('projectId');
  const period = columnOf('period');
  if (project < 0 || period < 0 || project === period) return null;
  const names = new Map<string, number>();
  let rows = 0;
  let periods = 0;
  for (const line of sample) {
    const p = line[project];
    if (p === null || p === undefined || p === '') continue;
    const key = (typeof p === 'string' ? p : String(typeof p === 'object' ? JSON.stringify(p) : p)).trim().toLowerCase();
    if (!key) continue;
    rows++;
    names.set(key, (names.get(key) ?? 0) + 1);
    const v = classifyValue(line[period]);
    if (v === 'date' || v === 'period') periods++;
  }
  if (rows < 4 || names.size > rows * 0.7 || periods < rows * 0.8) return null;
  return `${rows} rows for ${names.size} project${names.size === 1 ? '' : 's'}, by period`;
}
