import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../model/workbook';
import { parseCell } from '../register/convert';
import type { ColumnContext } from '../register/types';
import { fieldsFor, IMPORT_KINDS, type ExchangeField, type ImportKind } from './fields';
import { fieldSpecs } from './analyse';
import { analyseHeader, suggestMapping } from './suggest';
import { fixedOptions, suggestValue } from './value-map';
import { HEADER_SYNONYMS, lookupValue, VALUE_SYNONYMS, valueKey, vocabularyConflicts, vocabularyOf, type ValueVocabulary } from './vocabulary';
import { GRID_UNITS } from './grid-unit';

const settings = defaultSettings('Vocabulary');
const fields = (kind: ImportKind) => fieldsFor(kind, settings, []);
const field = (kind: ImportKind, key: string): ExchangeField => fields(kind).find((f) => f.key === key)!;
const ctx = { settings, today: '2026-05-01', options: () => [], openRisks: () => 0, countOf: () => 0 } as ColumnContext;

/** Every field whose values a vocabulary names, found from the real field lists (not a copy). */
function vocabularyFields(): Map<ValueVocabulary, ExchangeField[]> {
  const out = new Map<ValueVocabulary, ExchangeField[]>();
  for (const kind of IMPORT_KINDS) {
    for (const f of fields(kind)) {
      const v = vocabularyOf(f.key, f.col.type, kind);
      if (v) out.set(v, [...(out.get(v) ?? []), f]);
    }
  }
  return out;
}

describe('value vocabulary', () => {
  it('never lists one word under two values', () => {
    expect(vocabularyConflicts()).toEqual([]);
  });

  it('names only real option values of the fields it serves', () => {
    const served = vocabularyFields();
    // Every vocabulary but the allocation grid's unit serves a field of the import.
    expect([...served.keys()].sort()).toEqual(['priority', 'rag', 'raidKind', 'raidStatus', 'stage', 'yesNo']);
    for (const [vocab, fs] of served) {
      for (const f of fs) {
        const options = fixedOptions(f);
        expect(options, `${f.key} has fixed options`).not.toBeNull();
        const values = new Set(options!.map((o) => o.value));
        for (const target of Object.keys(VALUE_SYNONYMS[vocab])) expect(values, `${vocab} → ${target} for ${f.key}`).toContain(target);
      }
    }
    // The grid unit names the units a grid's cells can hold.
    expect(Object.keys(VALUE_SYNONYMS.allocationUnit).sort()).toEqual([...GRID_UNITS].sort());
  });

  it('matches without case, accents, spaces or punctuation', () => {
    expect(valueKey('In Flight')).toBe(valueKey('in-flight'));
    expect(valueKey('Grün')).toBe('grun');
    expect(valueKey('✓')).toBe('✓');
    expect(lookupValue('stage', 'IN FLIGHT')).toBe('in-progress');
    expect(lookupValue('stage', 'Terminé')).toBe('closed');
    expect(lookupValue('stage', 'termine')).toBe('closed');
    expect(lookupValue('yesNo', 'SÍ')).toBe('true');
    expect(lookupValue('rag', 'GRÜN')).toBe('G');
  });

  it('reads stage, RAG, priority, RAID and yes/no words in five languages', () => {
    const stage: [string, string][] = [
      ['In Flight', 'in-progress'], ['Genehmigt', 'approved'], ['In Bearbeitung', 'in-progress'], ['Abgeschlossen', 'closed'],
      ['En cours', 'in-progress'], ['Terminé', 'closed'], ['En curso', 'in-progress'], ['Cerrado', 'closed'],
      ['Lopend', 'in-progress'], ['Afgerond', 'closed'], ['Pausiert', 'on-hold'], ['Annulé', 'cancelled'], ['Propuesto', 'proposed'], ['Goedgekeurd', 'approved'],
    ];
    for (const [w, v] of stage) expect(lookupValue('stage', w), w).toBe(v);
    const rag: [string, string][] = [
      ['R', 'R'], ['A', 'A'], ['G', 'G'], ['Y', 'A'], ['yellow', 'A'], ['grün', 'G'], ['rot', 'R'], ['gelb', 'A'], ['vert', 'G'], ['rouge', 'R'],
      ['orange', 'A'], ['verde', 'G'], ['rojo', 'R'], ['amarillo', 'A'], ['groen', 'G'], ['rood', 'R'], ['oranje', 'A'], ['On track', 'G'],
    ];
    for (const [w, v] of rag) expect(lookupValue('rag', w), w).toBe(v);
    expect(lookupValue('priority', 'Hoch')).toBe('high');
    expect(lookupValue('priority', 'Baja')).toBe('low');
    expect(lookupValue('raidKind', 'Abhängigkeit')).toBe('dependency');
    expect(lookupValue('raidKind', 'Hypothèse')).toBe('assumption');
    expect(lookupValue('raidStatus', 'Offen')).toBe('open');
    expect(lookupValue('raidStatus', 'Cerrado')).toBe('closed');
    for (const w of ['ja', 'oui', 'sí', 'ja', 'Yes', '✓']) expect(lookupValue('yesNo', w), w).toBe('true');
    for (const w of ['nein', 'non', 'no', 'nee', 'No', '✗']) expect(lookupValue('yesNo', w), w).toBe('false');
    expect(lookupValue('stage', 'Purple')).toBeUndefined();
  });

  it('is what the register reads for RAG and yes/no, and what the importer suggests', () => {
    const rag = field('project', 'rag.overall');
    expect(parseCell(rag.col, 'grün', ctx)).toEqual({ ok: true, value: 'G' });
    expect(parseCell(rag.col, 'Y', ctx)).toEqual({ ok: true, value: 'A' });
    expect(parseCell(rag.col, 'Purple', ctx).ok).toBe(false);
    const tentative = field('allocation', 'tentative');
    expect(parseCell(tentative.col, 'oui', ctx)).toEqual({ ok: true, value: true });
    expect(parseCell(tentative.col, 'Nee', ctx)).toEqual({ ok: true, value: false });
    expect(suggestValue(field('project', 'stage'), 'In progress')).toEqual({ suggested: 'in-progress', how: 'exact' });
    expect(suggestValue(field('project', 'stage'), 'In Flight')).toEqual({ suggested: 'in-progress', how: 'synonym' });
    expect(suggestValue(field('project', 'stage'), 'Stalled forever')).toEqual({ suggested: null, how: 'unknown' });
    expect(suggestValue(field('raid', 'kind'), 'Risiko', 'raid')).toEqual({ suggested: 'risk', how: 'synonym' });
  });
});

describe('header synonyms in other languages', () => {
  const mapped = (kind: ImportKind, headers: string[]) => suggestMapping(headers, [], fieldSpecs(kind, fields(kind))).map((s) => s.field);

  it('maps German, French, Spanish and Dutch project headers', () => {
    expect(mapped('project', ['Projektnummer', 'Projektname', 'Projektleiter', 'Beginn', 'Ende', 'Ampel', 'Phase', 'Budget', 'Priorität', 'Bemerkungen'])).toEqual(['code', 'name', 'manager', 'start', 'finish', 'rag.overall', 'stage', 'budget', 'priority', 'statusNarrative']);
    expect(mapped('project', ['Code projet', 'Nom du projet', 'Chef de projet', 'Début', 'Fin', 'Météo', 'Statut', 'Budget', 'Priorité', 'Commentaires'])).toEqual(['code', 'name', 'manager', 'start', 'finish', 'rag.overall', 'stage', 'budget', 'priority', 'statusNarrative']);
    expect(mapped('project', ['Código', 'Nombre del proyecto', 'Jefe de proyecto', 'Inicio', 'Fin', 'Semáforo', 'Estado', 'Presupuesto', 'Prioridad', 'Comentarios'])).toEqual(['code', 'name', 'manager', 'start', 'finish', 'rag.overall', 'stage', 'budget', 'priority', 'statusNarrative']);
    expect(mapped('project', ['Projectcode', 'Projectnaam', 'Projectleider', 'Startdatum', 'Einddatum', 'Stoplicht', 'Fase', 'Begroting', 'Prioriteit', 'Opmerkingen'])).toEqual(['code', 'name', 'manager', 'start', 'finish', 'rag.overall', 'stage', 'budget', 'priority', 'statusNarrative']);
  });

  it('maps milestone, people and RAID headers', () => {
    expect(mapped('milestone', ['Projekt', 'Meilenstein', 'Plandatum', 'Termin', 'Ist-Datum'])).toEqual(['projectId', 'name', 'baselineDate', 'forecastDate', 'actualDate']);
    expect(mapped('milestone', ['Proyecto', 'Hito', 'Fecha prevista', 'Fecha', 'Fecha real'])).toEqual(['projectId', 'name', 'baselineDate', 'forecastDate', 'actualDate']);
    expect(mapped('resource', ['Mitarbeiter', 'Rolle', 'Wochenstunden', 'E-Mail'])).toEqual(['name', 'roleId', 'capacityHoursPerWeek', 'email']);
    expect(mapped('resource', ['Nom', 'Rôle', 'Équipe', 'Courriel'])).toEqual(['name', 'roleId', 'team', 'email']);
    expect(mapped('raid', ['Typ', 'Titel', 'Projekt', 'Status', 'Wahrscheinlichkeit', 'Auswirkung', 'Maßnahmen', 'Fällig am'])).toEqual(['kind', 'title', 'projectId', 'status', 'probability', 'impact', 'response', 'dueDate']);
    expect(mapped('raid', ['Tipo', 'Título', 'Proyecto', 'Estado', 'Probabilidad', 'Impacto', 'Mitigación', 'Fecha límite'])).toEqual(['kind', 'title', 'projectId', 'status', 'probability', 'impact', 'response', 'dueDate']);
  });

  it('splits German and Dutch compounds, so English headers keep their fields', () => {
    expect(analyseHeader('Projectnummer').key).toBe('project nummer');
    expect(analyseHeader('Projektleiter').key).toBe('projekt leiter');
    expect(analyseHeader('Projections').key).toBe('projections');
    // "PM" is the project manager; with Manager taken it is not read as a "Projectnummer".
    expect(mapped('project', ['Project manager', 'PM'])).toEqual(['manager', null]);
    expect(mapped('project', ['Budget', 'Approved budget'])).toEqual(['budget', null]);
  });

  it('lists each header synonym once per field', () => {
    for (const kind of Object.values(HEADER_SYNONYMS)) {
      for (const list of Object.values(kind ?? {})) {
        const keys = list.map((s) => s.toLowerCase());
        expect(new Set(keys).size, list.join(', ')).toBe(keys.length);
      }
    }
  });
});
