import { describe, expect, it } from 'vitest';
import { decodeWorkbookBytes, parseWorkbookText, serializeWorkbook, workbookFileName } from './pmowb';
import type { Migration } from '../migrations/file-migrations';
import { tinyWorkbook } from '../../test/helpers/tiny-workbook';

const meta = { exportedAt: '2026-11-21T10:00:00.000Z', appVersion: '0.1.0' };
const text = () => serializeWorkbook(tinyWorkbook(), meta);
const enc = (s: string) => new TextEncoder().encode(s);

describe('.pmowb files', () => {
  it('round-trips a workbook exactly, money to the cent', () => {
    const r = parseWorkbookText(text(), 'a.pmowb');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const original = tinyWorkbook();
    for (const [entity, list] of Object.entries(original.records)) {
      expect([...(r.workbook.records as Record<string, { id: string }[]>)[entity]!].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...list].sort((a, b) => a.id.localeCompare(b.id)));
    }
    expect(r.workbook.records.project.find((p) => p.id === 'p-1')!.budget).toBe(12_000_050);
    expect(serializeWorkbook(r.workbook, meta)).toBe(text());
  });

  it('accepts a byte-order mark', () => {
    expect(parseWorkbookText(`\ufeff${text()}`, 'bom.pmowb').ok).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['{"format":"pmo-workbench","version":1,"data":{"id":"x","sett', /truncated/],
    ['{"format": pmo}', /damaged: it is not valid JSON/],
    ['{"format":"excalidraw","version":2}', /not a PMO Workbench workbook \(its format is "excalidraw"\)/],
    ['[1,2,3]', /not a PMO Workbench workbook\./],
    ['{"format":"pmo-workbench","version":7,"data":{}}', /newer PMO Workbench \(file format 7; this version reads up to 1\)/],
    ['{"format":"pmo-workbench","version":"1","data":{}}', /no valid format version/],
  ])('refuses %j with a reason', (input, reason) => {
    const r = parseWorkbookText(input, 'f.pmowb');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('refuses a file that breaks the rules, naming the record and field', () => {
    const t = text().replace('"finish":"2026-06-30"', '"finish":"2025-06-30"').replace('"percentComplete":null', '"percentComplete":150');
    const r = parseWorkbookText(t, 'bad.pmowb');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('bad.pmowb cannot be opened');
      expect(r.reason).toMatch(/Project \d+: % complete must be 0–100 %/);
    }
  });

  it('refuses dangling references and duplicate codes', () => {
    const dangling = text().replace('"programmeId":"pg-2"', '"programmeId":"pg-9"');
    const r1 = parseWorkbookText(dangling, 'd.pmowb');
    expect(!r1.ok && r1.reason).toMatch(/Project PRJ-003: Programme points at a programme that does not exist \(pg-9\)/);
    const dup = text().replace('"code":"PRJ-003"', '"code":"prj-001"');
    const r2 = parseWorkbookText(dup, 'd.pmowb');
    expect(!r2.ok && r2.reason).toMatch(/code prj-001 is already used/i);
  });

  it('keeps fields and record kinds it does not know', () => {
    const raw = JSON.parse(text());
    raw.data.records.project[0].futureField = { nested: [1, 2] };
    raw.data.records.scenario = [{ id: 's1', name: 'What if' }];
    const r = parseWorkbookText(JSON.stringify(raw), 'new.pmowb');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.workbook.records.project.find((p) => p.id === raw.data.records.project[0].id) as Record<string, unknown>)['futureField']).toEqual({ nested: [1, 2] });
    const again = JSON.parse(serializeWorkbook(r.workbook, meta));
    expect(again.data.records.scenario).toEqual([{ id: 's1', name: 'What if' }]);
  });

  it('makes __proto__ and constructor keys harmless', () => {
    const t = text().replace('"name":"CRM replacement"', '"name":"CRM replacement","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}');
    const r = parseWorkbookText(t, 'p.pmowb');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (r.ok) expect(Object.getPrototypeOf(r.workbook.records.project[0])).toBe(Object.prototype);
  });

  it('upgrades an older file through every step of the chain, keeping unknown fields', () => {
    const migrations: Migration[] = [
      { from: 1, to: 2, describe: 'rename title', migrate: (d) => ({ ...d, step2: true }) },
      { from: 2, to: 3, describe: 'add field', migrate: (d) => ({ ...d, step3: (d['step2'] as boolean) === true }) },
    ];
    const r = parseWorkbookText(text(), 'old.pmowb', { migrations, current: 3 });
    expect(r.ok && r.migratedFrom).toBe(1);
    const gap = parseWorkbookText(text(), 'old.pmowb', { migrations: migrations.slice(1), current: 3 });
    expect(!gap.ok && gap.reason).toMatch(/could not be upgraded from format 1: No upgrade is known from format version 1/);
  });

  it('refuses binary files before parsing', () => {
    expect(decodeWorkbookBytes(new Uint8Array([0x50, 0x4b, 3, 4]), 'x.xlsx')).toMatchObject({ ok: false, reason: expect.stringMatching(/zip archive.*use Import/) });
    expect(decodeWorkbookBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'x.xls')).toMatchObject({ ok: false });
    expect(decodeWorkbookBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'x.pmowb')).toMatchObject({ ok: false, reason: expect.stringMatching(/not UTF-8/) });
    expect(decodeWorkbookBytes(new Uint8Array(), 'x.pmowb')).toMatchObject({ ok: false, reason: 'x.pmowb is empty (0 bytes).' });
    expect(decodeWorkbookBytes(enc(text()), 'ok.pmowb').ok).toBe(true);
  });

  it('makes safe file names', () => {
    expect(workbookFileName('Q3: Board/Steering <pack>')).toBe('Q3 Board Steering pack.pmowb');
    expect(workbookFileName('...')).toBe('Workbook.pmowb');
  });
});
