// The first controls of a register-like toolbar (the register, the roadmap): the search box,
// whose typing reaches the working view after a pause, and the grouping choice.
import type { WorkingView } from './use-working-view';

export function SearchAndGroup({ working, label, groupable }: { working: WorkingView; /** "Search projects". */ label: string; groupable: readonly { id: string; header: string }[] }) {
  const { view, setView, search, setSearch } = working;
  if (!view) return null;
  return (
    <>
      <input className="search" type="search" aria-label={label} placeholder="Search…" value={search} onChange={(e) => setSearch(e.target.value)} />
      <label className="inline">
        Group by
        <select aria-label="Group by" value={view.groupBy ?? ''} onChange={(e) => setView({ ...view, groupBy: e.target.value || null })}>
          <option value="">None</option>
          {groupable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.header}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
