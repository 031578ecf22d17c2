// Storage failures turned into messages a user can act on. A failed transaction has written
// nothing (IndexedDB aborts it whole), and the messages say so.

export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'blocked' | 'unavailable' | 'other',
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

function errorName(e: unknown): string {
  const inner = (e as { inner?: unknown })?.inner;
  const names = [(e as { name?: string })?.name, (inner as { name?: string })?.name];
  return names.filter(Boolean).join(' ');
}

export function toStorageError(e: unknown, action: string): StorageError {
  if (e instanceof StorageError) return e;
  const name = errorName(e);
  if (/Quota/i.test(name)) {
    return new StorageError(
      `${action} failed: the disk space this app may use is full. Nothing was saved from this change; your earlier work is intact. Free some disk space, or delete workbooks you no longer need, then try again.`,
      'quota',
      e,
    );
  }
  if (/VersionError|Blocked|DatabaseClosed/i.test(name)) {
    return new StorageError(`${action} failed: the database is open in another window of a different version. Close other PMO Workbench windows and reload.`, 'blocked', e);
  }
  if (/MissingAPI|InvalidState|Unknown/i.test(name)) {
    return new StorageError(`${action} failed: this browser's storage is not available (private browsing can turn it off). Nothing was saved.`, 'unavailable', e);
  }
  return new StorageError(`${action} failed: ${(e as Error)?.message ?? String(e)}. Nothing was saved from this change.`, 'other', e);
}
