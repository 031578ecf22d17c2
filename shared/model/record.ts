// A record as generic code sees it (grids, pipelines, import, export, invariants): any entity,
// read field by field. One declaration, so a change to what every record carries is made once.
export type LooseRecord = Record<string, unknown> & { id: string };
