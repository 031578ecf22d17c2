// Columns step: for each sheet to import, which field each source column fills, why that was
// suggested, the scale of money columns, the weeks or months of an allocation grid, and how
// text dates are read. A field is mapped once per sheet.
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useRecords, useSettings } from '../../state/use-app';
import type { SheetProposal } from '../../../shared/exchange/analyse';
import { fieldsFor, KIND_LABELS, type ExchangeField } from '../../../shared/exchange/fields';
import { columnLetter, type SourceCell } from '../../../shared/exchange/source';
import type { DateOrder } from '../../../shared/register/convert';
import type { CellErrorPolicy } from '../../../shared/exchange/import';
import { fixedOptions, TRACKED, valueChoicesFor, type FieldValueChoices } from '../../../shared/exchange/value-map';
import type { FlowSnapshot, ImportFlow } from './import-flow';
import { DATE_ORDER_LABELS, HOLDS_LABELS, SCALES, count, showCell } from './display';
import { GRID_UNITS, GRID_UNIT_LABELS, GRID_UNIT_PHRASE, GRID_UNIT_SHORT, type GridCellUnit } from '../../../shared/exchange/grid-unit';

export const dateOrderId = (sheet: string) => `date-order-${sheet.replace(/\W+/g, '-')}`;

export function ColumnsStep({ s, flow }: { s: FlowSnapshot; flow: ImportFlow }) {
  const settings = useSettings();
  const customFields = useRecords('customField');
  const included = s.proposals.filter((p) => p.include);
  const focus = s.focusSheet;
  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(dateOrderId(focus));
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focus]);
  if (!settings) return null;
  return (
    <div className="columns-step">
      <p className="muted small">Check what each column fills. Columns set to “— ignore —” are not read. Blank cells never erase a value the workbook holds.</p>
      {included.map((p) => (
        <SheetColumns key={p.sheet} p={p} fields={fieldsFor(p.kind, settings, customFields)} preview={s.summary?.sheets.find((x) => x.name === p.sheet)?.preview ?? []} flow={flow} />
      ))}
    </div>
  );
}

function samplesOf(p: SheetProposal, preview: readonly SourceCell[][]): Map<number, string[]> {
  const skip = new Set((p.mapping.skipRows ?? []).map((x) => x.row));
  const out = new Map<number, string[]>();
  for (let r = p.mapping.firstDataRow; r <= Math.min(p.mapping.lastDataRow, preview.length - 1); r++) {
    if (skip.has(r)) continue;
    const line = preview[r] ?? [];
    line.forEach((cell, c) => {
      const t = showCell(cell).trim();
      if (!t) return;
      const list = out.get(c) ?? [];
      if (list.length < 3) list.push(t);
      out.set(c, list);
    });
  }
  return out;
}

function SheetColumns({ p, fields, preview, flow }: { p: SheetProposal; fields: ExchangeField[]; preview: readonly SourceCell[][]; flow: ImportFlow }) {
  const samples = useMemo(() => samplesOf(p, preview), [p, preview]);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const suggested = new Map(p.suggestions.map((x) => [x.column, x]));
  const grid = new Map((p.mapping.periods?.columns ?? []).map((c) => [c.column, c]));
  const mapped = new Set(p.mapping.columns.map((c) => c.field).filter((f): f is string => !!f));
  const missing = fields.filter((f) => f.requiredForCreate && !mapped.has(f.key));
  const periods = p.mapping.periods;
  const headingId = `cols-${p.sheet.replace(/\W+/g, '-')}`;
  const hasDates = p.mapping.columns.some((c) => c.field && byKey.get(c.field)?.col.type === 'date') || p.kind === 'allocation';
  // Distinct values of the columns given a field with fixed values, as the user maps them now.
  const choices = new Map(valueChoicesFor(p.kind, p.mapping.columns, p.columnValues ?? [], fields).map((v) => [v.column, v]));

  return (
    <section className="panel sheet-columns" aria-labelledby={headingId}>
      <div className="sheet-columns-head">
        <h3 id={headingId}>
          Sheet “{p.sheet}” <span className="muted">→ {HOLDS_LABELS[p.kind]}</span>
        </h3>
        <label className="inline date-order">
          <span>Date order</span>
          <select
            id={dateOrderId(p.sheet)}
            value={p.mapping.dateOrder ?? ''}
            onChange={(e) => flow.setDateOrder(p.sheet, (e.target.value || null) as DateOrder | null)}
            aria-label={`Date order for sheet ${p.sheet}`}
            aria-describedby={hasDates ? undefined : `${headingId}-nodates`}
          >
            {DATE_ORDER_LABELS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!hasDates && (
        <p id={`${headingId}-nodates`} className="sr-only">
          No date column is mapped on this sheet.
        </p>
      )}
      {missing.length > 0 && (
        <p className="step-note small">
          New {KIND_LABELS[p.kind].plural.toLowerCase()} need {missing.map((f) => f.label).join(' and ')}: without {missing.length === 1 ? 'it' : 'them'}, rows only update {KIND_LABELS[p.kind].plural.toLowerCase()} the workbook already has.
        </p>
      )}
      {periods && periods.columns.length > 0 && (
        <div className="period-list small" aria-label={`Period columns of ${p.sheet}`}>
          <strong>
            {periods.kind === 'week' ? 'Weekly' : 'Monthly'} grid: {count(periods.columns.length, periods.kind === 'week' ? 'week column' : 'month column')}
          </strong>
          <span className="muted"> one allocation per filled cell.</span>
          <label className="inline grid-unit">
            <span>Cells hold</span>
            <select
              value={periods.unit ?? 'hours-per-week'}
              onChange={(e) => flow.setGridUnit(p.sheet, e.target.value as GridCellUnit)}
              aria-label={`What the grid cells of ${p.sheet} hold`}
              aria-describedby={p.gridUnit ? `${headingId}-unit-why` : undefined}
            >
              {GRID_UNITS.map((u) => (
                <option key={u} value={u}>
                  {GRID_UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          </label>
          {p.gridUnit && (
            <span id={`${headingId}-unit-why`} className="muted">
              {' '}
              {(periods.unit ?? 'hours-per-week') === p.gridUnit.unit ? `Suggested: ${p.gridUnit.reason}.` : `Suggested ${GRID_UNIT_PHRASE[p.gridUnit.unit]}: ${p.gridUnit.reason}.`}
            </span>
          )}
          {(p.gridNotes ?? []).map((n) => (
            <p key={n} className="muted grid-note">
              {n}
            </p>
          ))}
          <ul className="period-chips">
            {periods.columns.slice(0, 60).map((c) => (
              <li key={c.column} className="chip" title={`${c.start} to ${c.end}`}>
                {columnLetter(c.column)}: {c.label}
              </li>
            ))}
            {periods.columns.length > 60 && <li className="muted">and {periods.columns.length - 60} more</li>}
          </ul>
        </div>
      )}
      <table className="table map-table">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Sample values</th>
            <th scope="col">Field</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {p.mapping.columns.map((c) => {
            const header = p.headers[c.column] ?? '';
            const name = `column ${columnLetter(c.column)}${header ? ` (${header})` : ''}`;
            const sug = suggested.get(c.column);
            const f = c.field ? byKey.get(c.field) : undefined;
            const period = grid.get(c.column);
            const reason = period ? `${periods?.kind ?? 'week'} column of the allocation grid` : c.field === (sug?.field ?? null) ? sug?.reason || 'no field looks like this column' : 'chosen by you';
            const vc = !period && f ? choices.get(c.column) : undefined;
            return (
              <Fragment key={c.column}>
                <tr className={c.field || period ? 'mapped' : 'ignored'}>
                  <th scope="row">
                    <div className="src-col">
                      <span className="col-letter">{columnLetter(c.column)}</span>
                      <span className="col-header" title={header}>
                        {header || <em className="muted">no header</em>}
                      </span>
                    </div>
                  </th>
                  <td>
                    <div className="samples">
                      {(samples.get(c.column) ?? []).map((v, i) => (
                        <span key={i} className="sample" title={v}>
                          {v}
                        </span>
                      ))}
                      {!samples.get(c.column)?.length && <span className="muted small">(blank)</span>}
                    </div>
                  </td>
                  <td className="field-cell">
                    {period ? (
                      <span className="grid-field">
                        {GRID_UNIT_SHORT[periods?.unit ?? 'hours-per-week']}, {period.label}
                      </span>
                    ) : (
                      <div className="field-pick">
                        <select value={c.field ?? ''} onChange={(e) => flow.setField(p.sheet, c.column, e.target.value || null)} aria-label={`Field for ${name}`}>
                          <option value="">— ignore —</option>
                          {fields.map((x) => (
                            <option key={x.key} value={x.key}>
                              {x.label}
                            </option>
                          ))}
                        </select>
                        {f && f.key !== 'id' && f.key !== 'version' && (
                          <label className="on-error">
                            <span>If a cell can’t be read</span>
                            <select value={c.onError ?? 'keep-row'} onChange={(e) => flow.setOnError(p.sheet, c.column, e.target.value as CellErrorPolicy)} aria-label={`If a cell of ${name} can’t be read`}>
                              <option value="keep-row">import the rest of the row</option>
                              <option value="skip-row">skip the row</option>
                            </select>
                          </label>
                        )}
                        {f?.col.type === 'money' && (
                          <select value={c.scale ?? 1} onChange={(e) => flow.setScale(p.sheet, c.column, Number(e.target.value))} aria-label={`Scale of ${name}`} className="scale">
                            {SCALES.map((x) => (
                              <option key={x.value} value={x.value}>
                                {x.label}
                              </option>
                            ))}
                          </select>
                        )}
                      </div>
                    )}
                  </td>
                  <td className="why hint">{reason}</td>
                </tr>
                {vc && f && <ValueRow p={p} vc={vc} f={f} name={name} flow={flow} />}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const NOT_RECOGNISED = '\u0000none';
const LEAVE_EMPTY = '\u0000empty';

/**
 * Under a column of a field with fixed values: its distinct values, each with what it is read as
 * (our option, "leave empty", or not recognised). Only values that are not exact matches are
 * shown, unknown ones first; "Show all" lists the exact ones too. Nothing when all match.
 */
function ValueRow({ p, vc, f, name, flow }: { p: SheetProposal; vc: FieldValueChoices; f: ExchangeField; name: string; flow: ImportFlow }) {
  const [all, setAll] = useState(false);
  const chosen = p.mapping.values?.[vc.field] ?? {};
  const has = (source: string) => Object.prototype.hasOwnProperty.call(chosen, source);
  if (vc.tooMany) {
    return (
      <tr className="value-map-row">
        <td colSpan={4} className="small muted">
          {name} holds more than {TRACKED} different values: not a list of {f.label} values.
        </td>
      </tr>
    );
  }
  const needs = vc.values.filter((v) => v.how !== 'exact' || has(v.source));
  if (needs.length === 0) return null;
  const options = fixedOptions(f) ?? [];
  const unknown = vc.values.filter((v) => v.how === 'unknown' && !has(v.source)).length;
  const shown = all ? vc.values : needs;
  return (
    <tr className="value-map-row">
      <td colSpan={4}>
        <div className="value-map" role="group" aria-label={`Values of ${name}`}>
          <div className="value-map-head small">
            <strong>Values of {f.label}</strong>
            {unknown > 0 ? (
              <span className="value-warn">
                {count(unknown, 'value')} not recognised: choose what {unknown === 1 ? 'it means' : 'they mean'}, or leave empty
              </span>
            ) : (
              <span className="muted">read as shown; change any</span>
            )}
            {vc.values.length > needs.length && (
              <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? 'Show fewer' : `Show all ${vc.values.length} values`}
              </button>
            )}
          </div>
          <ul className="value-list">
            {shown.map((v) => {
              const explicit = has(v.source);
              const target = explicit ? chosen[v.source]! : v.suggested;
              const selected = target === null ? (explicit ? LEAVE_EMPTY : NOT_RECOGNISED) : target;
              const state = explicit ? 'chosen' : v.how;
              return (
                <li key={v.source} className={`value-item ${state}`}>
                  <span className="value-source" title={`${v.source} (${count(v.count, 'row')})`}>
                    “{v.source}”
                  </span>
                  <span className="value-count muted">×{v.count}</span>
                  <select
                    value={selected}
                    aria-label={`Value “${v.source}” of ${name}`}
                    onChange={(e) => {
                      const x = e.target.value;
                      const next = x === NOT_RECOGNISED ? undefined : x === LEAVE_EMPTY ? null : x;
                      // Choosing the suggestion again drops the choice; "leave empty" is always a choice.
                      flow.setValueMapping(p.sheet, vc.field, v.source, typeof next === 'string' && next === v.suggested ? undefined : next);
                    }}
                  >
                    {v.suggested === null && <option value={NOT_RECOGNISED}>— not recognised —</option>}
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                    <option value={LEAVE_EMPTY}>leave empty</option>
                  </select>
                  {state === 'synonym' && <span className="value-how muted">synonym</span>}
                </li>
              );
            })}
          </ul>
          {vc.more > 0 && <p className="muted small">and {count(vc.more, 'more value')} not listed</p>}
        </div>
      </td>
    </tr>
  );
}
