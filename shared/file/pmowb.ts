// The .pmowb workbook file: the whole portfolio in one versioned JSON envelope
// {format, version, exportedAt, data}, for Save As / Open and for emailing. Opening checks
// everything before anything is written: a damaged, truncated, foreign or newer file is
// refused with a reason a user can act on.
import { ENTITY_LABELS, ENTITY_NAMES, ENTITY_SCHEMAS, settings as settingsSchema } from '../model/schemas';
import { checkWorkbook } from '../model/invariants';
import { describeZodIssue } from '../model/labels';
import { emptyRecords, type WorkbookData } from '../model/workbook';
import { FILE_FORMAT_VERSION, FILE_MIGRATIONS, migrateData, type Migration } from '../migrations/file-migrations';
import type { z } from 'zod';

export const FILE_FORMAT = 'pmo-workbench';
export const FILE_EXTENSION = '.pmowb';
/** Larger files are refused before parsing (a 10k-project workbook is about 60 MB); the same cap as main's file reads. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 8;

export interface WorkbookFile extends WorkbookData {
  /** Top-level record kinds this version does not know, kept so that saving again loses nothing. */
  extra?: Record<string, unknown>;
}

export type OpenResult = { ok: true; workbook: WorkbookFile; migratedFrom?: number } | { ok: false; reason: string };

export function serializeWorkbook(wb: WorkbookFile, meta: { exportedAt: string; appVersion: string }): string {
  const records: Record<string, unknown[]> = {};
  for (const e of ENTITY_NAMES) records[e] = [...wb.records[e]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({
    format: FILE_FORMAT,
    version: FILE_FORMAT_VERSION,
    exportedAt: meta.exportedAt,
    app: { name: 'PMO Workbench', version: meta.appVersion },
    data: { id: wb.id, settings: wb.settings, records: { ...(wb.extra ?? {}), ...records } },
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops keys that could reach an object's prototype when copied. */
function safeReviver(key: string, value: unknown): unknown {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value;
}

function describeZod(where: string, issue: z.core.$ZodIssue): string {
  return describeZodIssue(where, issue);
}

/** Bytes → text, refusing binary files up front with a reason (a spreadsheet, a zip). */
export function decodeWorkbookBytes(bytes: Uint8Array, fileName: string): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.byteLength === 0) return { ok: false, reason: `${fileName} is empty (0 bytes).` };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, reason: `${fileName} is ${Math.round(bytes.byteLength / 1048576)} MB, more than the ${MAX_FILE_BYTES / 1048576} MB a workbook file may be.` };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, reason: `${fileName} is a zip archive (such as an Excel .xlsx file), not a PMO Workbench workbook. To bring a spreadsheet in, use Import.` };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { ok: false, reason: `${fileName} is an old Excel (.xls) or Office file, not a PMO Workbench workbook.` };
  try {
    const Decoder = (globalThis as unknown as { TextDecoder: new (l: string, o: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder;
    return { ok: true, text: new Decoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `${fileName} is not a PMO Workbench workbook: it is not UTF-8 text.` };
  }
}

/** Reports how many records have been checked, of how many. */
export type ProgressFn = (done: number, total: number) => void;

export interface ParseOptions {
  migrations?: readonly Migration[];
  current?: number;
  onProgress?: ProgressFn;
}

export function parseWorkbookText(text: string, fileName: string, opts: ParseOptions = {}): OpenResult {
  const migrations = opts.migrations ?? FILE_MIGRATIONS;
  const current = opts.current ?? FILE_FORMAT_VERSION;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { ok: false, reason: `${fileName} is empty.` };
  let raw: unknown;
  try {
    raw = JSON.parse(body, safeReviver);
  } catch (e) {
    const looksCut = /end of (JSON|data)|Unterminated|Unexpected end/i.test(String(e));
    return {
      ok: false,
      reason: looksCut
        ? `${fileName} is truncated: the file ends before the workbook does (it may not have finished downloading or copying).`
        : `${fileName} is damaged: it is not valid JSON (${(e as Error).message}).`,
    };
  }
  if (!isObject(raw) || raw['format'] !== FILE_FORMAT) {
    const what = isObject(raw) && typeof raw['format'] === 'string' ? ` (its format is "${String(raw['format']).slice(0, 60)}")` : '';
    return { ok: false, reason: `${fileName} is not a PMO Workbench workbook${what}.` };
  }
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `${fileName} has no valid format version.` };
  }
  if (version > current) {
    return { ok: false, reason: `${fileName} was saved by a newer PMO Workbench (file format ${version}; this version reads up to ${current}). Update the app to open it.` };
  }
  if (!isObject(raw['data'])) return { ok: false, reason: `${fileName} holds no workbook data.` };
  let data: Record<string, unknown>;
  try {
    data = migrateData(raw['data'], version, current, migrations);
  } catch (e) {
    return { ok: false, reason: `${fileName} could not be upgraded from format ${version}: ${(e as Error).message}.` };
  }
  return validateData(data, fileName, version < current ? version : undefined, opts.onProgress);
}

function validateData(data: Record<string, unknown>, fileName: string, migratedFrom: number | undefined, onProgress?: ProgressFn): OpenResult {
  const problems: string[] = [];
  const id = data['id'];
  if (typeof id !== 'string' || !id || id.length > 64) problems.push('the workbook has no valid id');
  const settings = settingsSchema.safeParse(data['settings']);
  if (!settings.success) problems.push(...settings.error.issues.map((i) => describeZod('settings', i)));
  const rawRecords = isObject(data['records']) ? data['records'] : {};
  if (!isObject(data['records'])) problems.push('the workbook has no records section');
  const records = emptyRecords();
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawRecords)) {
    if (!(ENTITY_NAMES as string[]).includes(key)) extra[key] = value;
  }
  const total = ENTITY_NAMES.reduce((n, e) => n + (Array.isArray(rawRecords[e]) ? (rawRecords[e] as unknown[]).length : 0), 0);
  let done = 0;
  for (const e of ENTITY_NAMES) {
    const list = rawRecords[e];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`records.${e} is not a list`);
      continue;
    }
    const schema = ENTITY_SCHEMAS[e];
    for (let i = 0; i < list.length; i++) {
      const parsed = schema.safeParse(list[i]);
      if (parsed.success) (records[e] as unknown[]).push(parsed.data);
      else problems.push(...parsed.error.issues.map((issue) => describeZod(`${ENTITY_LABELS[e]} ${i + 1}`, issue)));
      if (problems.length > 50) break;
      if (onProgress && ++done % 5000 === 0) onProgress(done, total);
    }
  }
  if (!problems.length) problems.push(...checkWorkbook(records).map((p) => p.message));
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `• ${p}`).join('\n');
    const more = problems.length > MAX_PROBLEMS_SHOWN ? `\n…and ${problems.length - MAX_PROBLEMS_SHOWN} more problems.` : '';
    return { ok: false, reason: `${fileName} cannot be opened: it breaks the workbook's rules.\n${shown}${more}` };
  }
  const workbook: WorkbookFile = { id: id as string, settings: settings.data!, records };
  if (Object.keys(extra).length) workbook.extra = extra;
  return migratedFrom !== undefined ? { ok: true, workbook, migratedFrom } : { ok: true, workbook };
}

/** A file name that is safe on Windows, macOS and Linux, ending in .pmowb. */
export function workbookFileName(name: string): string {
  // Control characters are among the characters file systems refuse.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120) || 'Workbook';
  return `${base}${FILE_EXTENSION}`;
}
