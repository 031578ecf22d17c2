// Crash-safe file replacement: write a temp file beside the target, fsync, rename over it.
// A failure at any step removes the temp file and leaves the previous file as it was.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export type FileHandleLike = {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

/** The slice of fs/promises atomicWrite uses; tests pass a wrapper that fails on purpose. */
export type AtomicFs = {
  open(filePath: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
  realpath(filePath: string): Promise<string>;
};

export const nodeAtomicFs: AtomicFs = {
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  realpath: fsp.realpath,
};

export type AtomicWriteOptions = {
  /** How many times to retry a rename that Windows refuses while a scanner holds the file. */
  renameRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  chunkSize?: number;
};

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** A short reason for a file-system error, in words a user can act on. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the folder no longer exists';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function tempPathFor(target: string): string {
  // Hidden, unique, and in the same directory so the rename never crosses file systems.
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Replaces `filePath` with `bytes` so that a crash or power cut leaves either the old or the
 * new file, never a half-written one. A symlinked target is followed so the link survives;
 * an existing file keeps its permission bits.
 */
export async function atomicWrite(
  filePath: string,
  bytes: Uint8Array,
  fsLike: AtomicFs = nodeAtomicFs,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const { renameRetries = 4, sleep = defaultSleep, chunkSize = 4 * 1024 * 1024 } = options;
  let target = filePath;
  let mode = 0o666;
  try {
    target = await fsLike.realpath(filePath);
    mode = (await fsLike.stat(target)).mode & 0o777;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw saveError(filePath, error);
  }

  const temp = tempPathFor(target);
  let handle: FileHandleLike | undefined;
  try {
    handle = await fsLike.open(temp, 'wx', mode);
    for (let offset = 0; offset < bytes.byteLength; ) {
      const length = Math.min(chunkSize, bytes.byteLength - offset);
      const { bytesWritten } = await handle.write(bytes, offset, length, offset);
      if (bytesWritten <= 0) throw new Error('the disk accepted no more data');
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await fsLike.rename(temp, target);
        break;
      } catch (error) {
        const code = errorCode(error);
        if (attempt >= renameRetries || code === undefined || !RETRYABLE_RENAME.has(code)) throw error;
        await sleep(50 * 2 ** attempt);
      }
    }
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsLike.unlink(temp).catch(() => undefined);
    throw saveError(filePath, error);
  }
  await syncDirectory(path.dirname(target), fsLike);
}

// Makes the rename itself durable on POSIX. Windows cannot open a directory, and a failure
// here no longer puts the file at risk, so errors are ignored.
async function syncDirectory(dir: string, fsLike: AtomicFs): Promise<void> {
  try {
    const handle = await fsLike.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

function saveError(filePath: string, cause: unknown): Error {
  return new Error(
    `Could not save "${path.basename(filePath)}": ${describeFsError(cause)}. The previous version was left unchanged.`,
    { cause },
  );
}

/**
 * The same guarantee, synchronously, for small settings files written while the app quits
 * (an async write could be cut off by the process exiting).
 */
export function atomicWriteSync(filePath: string, data: string | Uint8Array): void {
  const temp = tempPathFor(filePath);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, filePath);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw saveError(filePath, error);
  }
}

/**
 * Creates `filePath` with `data`, all or nothing, and never replaces a file that is there: the
 * complete temp file is hard-linked to the name, which fails when the name exists (even if
 * another process made it a moment ago). Where hard links are not supported (FAT, some shares)
 * the existence check and the rename are two steps.
 */
export function atomicCreateSync(filePath: string, data: string | Uint8Array): void {
  const temp = tempPathFor(filePath);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    try {
      fs.linkSync(temp, filePath);
      fs.rmSync(temp, { force: true });
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (fs.existsSync(filePath)) throw Object.assign(new Error(`${filePath} exists`), { code: 'EEXIST' });
      fs.renameSync(temp, filePath);
    }
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (errorCode(error) === 'EEXIST') throw new Error(`Did not create "${path.basename(filePath)}": a file of that name appeared meanwhile; it was left as it is.`, { cause: error });
    throw new Error(`Could not create "${path.basename(filePath)}": ${describeFsError(error)}.`, { cause: error });
  }
}
