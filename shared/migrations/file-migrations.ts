// Upgrades of the .pmowb file format, oldest first. A migration is a pure function from the
// data of version N to the data of version N+1; it keeps fields it does not know.
// Version 1 is the first format: there is nothing to upgrade from yet.

export type Migration = { from: number; to: number; describe: string; migrate: (data: Record<string, unknown>) => Record<string, unknown> };

/** The format version this build writes. */
export const FILE_FORMAT_VERSION = 1;

export const FILE_MIGRATIONS: readonly Migration[] = [];

/** Runs the chain from `version` up to the target; throws with a clear reason on a gap. */
export function migrateData(
  data: Record<string, unknown>,
  version: number,
  target: number,
  migrations: readonly Migration[],
): Record<string, unknown> {
  let v = version;
  let d = data;
  while (v < target) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`No upgrade is known from format version ${v}`);
    d = step.migrate(d);
    v = step.to;
  }
  return d;
}
