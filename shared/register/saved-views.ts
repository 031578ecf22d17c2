// Saved views of a register as commands: which views a register has, whether the working view
// differs from the saved one, and the operations that save, save as, make default and delete.
// Views are workbook records, so every one of these is journalled and can be undone. The
// register and the roadmap (which shows the project register's views) both use these.
import type { Op, Origin } from '../commands/types';
import type { SavedView } from '../model/schemas';
import type { ViewState } from './types';

export type ViewRegister = SavedView['register'];

/** One change to the saved views: the operations and how the journal names them. */
export interface ViewCommand {
  ops: Op[];
  origin: Origin;
  label: string;
}

/** The saved views of one register, by name. */
export function savedViewsOf(views: readonly SavedView[], register: ViewRegister): SavedView[] {
  return views.filter((v) => v.register === register).sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether the working view has changes that are not saved into the active saved view. */
export function isViewModified(active: SavedView | null, view: ViewState | null): boolean {
  return !!active && !!view && JSON.stringify(active.state) !== JSON.stringify(view);
}

/** Writes the working view into an existing saved view. */
export function saveViewCommand(target: SavedView, view: ViewState): ViewCommand {
  return { ops: [{ op: 'update', entity: 'view', id: target.id, changes: { state: view } }], origin: 'edit', label: `Save view ${target.name}` };
}

/** Saves the working view as a new view; the first view of a register becomes its default. */
export function saveViewAsCommand(register: ViewRegister, name: string, view: ViewState, existing: readonly SavedView[]): ViewCommand {
  return { ops: [{ op: 'create', entity: 'view', record: { register, name, state: view, isDefault: existing.length === 0 } }], origin: 'create', label: `Save view ${name}` };
}

/** Makes one view the register's default and every other one of its views not. */
export function setDefaultViewCommand(views: readonly SavedView[], target: SavedView): ViewCommand {
  return { ops: views.map((x) => ({ op: 'update' as const, entity: 'view' as const, id: x.id, changes: { isDefault: x.id === target.id } })), origin: 'edit', label: `Make ${target.name} the default view` };
}

export function deleteViewCommand(target: SavedView): ViewCommand {
  return { ops: [{ op: 'delete', entity: 'view', id: target.id }], origin: 'delete', label: `Delete view ${target.name}` };
}
