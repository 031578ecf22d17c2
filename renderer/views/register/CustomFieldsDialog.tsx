// Defines the workbook's custom project fields: add (name, type, options), rename, change
// options, delete with confirmation (its values go too, in the same undoable step).
import { useState } from 'react';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { useRecords, useStore, useWorkbook } from '../../state/use-app';
import { CUSTOM_FIELD_TYPES, type CustomFieldDef } from '../../../shared/model/schemas';
import type { Op } from '../../../shared/commands/types';

const TYPE_LABELS: Record<CustomFieldDef['type'], string> = {
  text: 'Text',
  number: 'Number',
  money: 'Money',
  date: 'Date',
  select: 'Choice (one)',
  multiselect: 'Choices (several)',
  checkbox: 'Yes / no',
};

const splitOptions = (s: string) => [...new Set(s.split(/[,;\n]/).map((o) => o.trim()).filter(Boolean))];

export function CustomFieldsDialog({ onClose }: { onClose: () => void }) {
  const current = useWorkbook();
  const store = useStore();
  const defs = useRecords('customField');
  const fields = [...defs].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldDef['type']>('text');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [doomed, setDoomed] = useState<CustomFieldDef | null>(null);
  if (!current) return null;

  const problem = (r: Awaited<ReturnType<typeof store.commit>>) => r?.rejected.flatMap((x) => x.problems.map((p) => p.message))[0] ?? null;
  const needsOptions = type === 'select' || type === 'multiselect';

  const add = async () => {
    const opts = splitOptions(options);
    if (!name.trim()) return setError('Give the field a name.');
    if (fields.some((f) => f.name.trim().toLowerCase() === name.trim().toLowerCase())) return setError(`There is already a field called “${name.trim()}”.`);
    if (needsOptions && !opts.length) return setError('List the choices, separated by commas.');
    const r = await store.commit([{ op: 'create', entity: 'customField', record: { name: name.trim(), type, options: needsOptions ? opts : [], order: fields.length } }], { origin: 'edit', label: `Add field ${name.trim()}` });
    const msg = problem(r);
    setError(msg);
    if (!msg) {
      setName('');
      setOptions('');
    }
  };

  const remove = async (f: CustomFieldDef) => {
    const ops: Op[] = [];
    for (const p of current.values('project')) {
      const custom = p['custom'] as Record<string, unknown> | undefined;
      if (custom && f.id in custom) ops.push({ op: 'update', entity: 'project', id: p.id, changes: { [`custom.${f.id}`]: undefined } });
    }
    ops.push({ op: 'delete', entity: 'customField', id: f.id });
    await store.commit(ops, { origin: 'delete', label: `Delete field ${f.name}` });
    setDoomed(null);
  };

  const used = (f: CustomFieldDef) => {
    let n = 0;
    for (const p of current.values('project')) {
      const v = (p['custom'] as Record<string, unknown> | undefined)?.[f.id];
      if (v != null && v !== '' && !(Array.isArray(v) && !v.length)) n++;
    }
    return n;
  };

  if (doomed) {
    const n = used(doomed);
    return (
      <ConfirmDialog
        title="Delete custom field?"
        danger
        confirm="Delete field"
        onClose={() => setDoomed(null)}
        onConfirm={() => void remove(doomed)}
        message={
          <p>
            “{doomed.name}” {n ? `and its values in ${n} ${n === 1 ? 'project' : 'projects'}` : '(no project has a value)'} will be deleted. You can undo this with Ctrl+Z.
          </p>
        }
      />
    );
  }

  return (
    <Dialog
      title="Custom fields"
      wide
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="muted small">Fields you add here appear as columns in the project register, in views and filters, and in each project's details.</p>
      {fields.length === 0 ? (
        <p className="muted">No custom fields yet.</p>
      ) : (
        <table className="table editable">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Choices</th>
              <th scope="col">
                <span className="sr-only">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.id}>
                <td>
                  <input
                    aria-label={`Name of field ${f.name}`}
                    defaultValue={f.name}
                    maxLength={100}
                    onBlur={(e) => {
                      const v = e.target.value.trim();
                      if (v && v !== f.name) void store.commit([{ op: 'update', entity: 'customField', id: f.id, changes: { name: v } }], { origin: 'edit', label: `Rename field ${f.name}` });
                      else e.target.value = f.name;
                    }}
                  />
                </td>
                <td>{TYPE_LABELS[f.type]}</td>
                <td>
                  {f.type === 'select' || f.type === 'multiselect' ? (
                    <input
                      aria-label={`Choices of ${f.name}`}
                      defaultValue={f.options.join(', ')}
                      onBlur={(e) => {
                        const opts = splitOptions(e.target.value);
                        if (opts.length && opts.join('|') !== f.options.join('|')) void store.commit([{ op: 'update', entity: 'customField', id: f.id, changes: { options: opts } }], { origin: 'edit', label: `Change choices of ${f.name}` });
                      }}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <button type="button" className="ghost danger-text" aria-label={`Delete field ${f.name}`} onClick={() => setDoomed(f)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-field"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>Add a field</h3>
        <div className="row">
          <input aria-label="New field name" placeholder="Field name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <select aria-label="New field type" value={type} onChange={(e) => setType(e.target.value as CustomFieldDef['type'])}>
            {CUSTOM_FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {needsOptions && <input aria-label="Choices" placeholder="Choices, separated by commas" value={options} onChange={(e) => setOptions(e.target.value)} />}
          <button type="submit" className="primary">
            Add field
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
