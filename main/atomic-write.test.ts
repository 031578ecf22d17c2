// atomicWrite on a real temp directory, including failures in the middle of a write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, atomicWriteSync, describeFsError, nodeAtomicFs } from './atomic-write';
import type { AtomicFs } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-atomic-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const listDir = () => fs.readdirSync(dir).sort();
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const noSleep = async () => undefined;

describe('atomicWrite', () => {
  it('creates a new file', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    await atomicWrite(target, bytes('hello'));
    expect(fs.readFileSync(target, 'utf8')).toBe('hello');
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    fs.writeFileSync(target, 'old contents that are longer');
    fs.chmodSync(target, 0o640);
    await atomicWrite(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('writes large files in chunks and writes empty files', async () => {
    const target = path.join(dir, 'big.pmowb');
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i % 251);
    await atomicWrite(target, big, nodeAtomicFs, { chunkSize: 1024 * 1024 });
    expect(Buffer.compare(fs.readFileSync(target), Buffer.from(big))).toBe(0);
    await atomicWrite(target, new Uint8Array());
    expect(fs.readFileSync(target).length).toBe(0);
  });

  it('writes through a symlink instead of replacing it', async () => {
    const real = path.join(dir, 'real.pmowb');
    const link = path.join(dir, 'link.pmowb');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    await atomicWrite(link, bytes('new'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });

  it('leaves the old file intact and no temp file when a write fails mid-way', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    fs.writeFileSync(target, 'precious');
    let chunks = 0;
    const failingFs: AtomicFs = {
      ...nodeAtomicFs,
      open: async (p, flags, mode) => {
        const handle = await nodeAtomicFs.open(p, flags, mode);
        return {
          sync: () => handle.sync(),
          close: () => handle.close(),
          write: async (buffer, offset, length, position) => {
            chunks += 1;
            if (chunks === 2) throw fsError('ENOSPC');
            return handle.write(buffer, offset, length, position);
          },
        };
      },
    };
    await expect(atomicWrite(target, new Uint8Array(64), failingFs, { chunkSize: 16 })).rejects.toThrow(
      'Could not save "Q3.pmowb": the disk is full. The previous version was left unchanged.',
    );
    expect(chunks).toBe(2);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious');
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('leaves the old file intact when fsync fails', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    fs.writeFileSync(target, 'precious');
    const failingFs: AtomicFs = {
      ...nodeAtomicFs,
      open: async (p, flags, mode) => {
        const handle = await nodeAtomicFs.open(p, flags, mode);
        return { ...handle, write: handle.write.bind(handle), close: () => handle.close(), sync: async () => { throw fsError('EIO'); } };
      },
    };
    await expect(atomicWrite(target, bytes('new'), failingFs)).rejects.toThrow(/Could not save "Q3.pmowb"/);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious');
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('retries a rename Windows refuses for a moment, then succeeds', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    fs.writeFileSync(target, 'old');
    let renames = 0;
    const flakyFs: AtomicFs = {
      ...nodeAtomicFs,
      rename: async (from, to) => {
        renames += 1;
        if (renames < 3) throw fsError('EPERM');
        return nodeAtomicFs.rename(from, to);
      },
    };
    await atomicWrite(target, bytes('new'), flakyFs, { sleep: noSleep });
    expect(renames).toBe(3);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('gives up on a rename that keeps failing and cleans up', async () => {
    const target = path.join(dir, 'Q3.pmowb');
    fs.writeFileSync(target, 'old');
    const lockedFs: AtomicFs = { ...nodeAtomicFs, rename: async () => { throw fsError('EBUSY'); } };
    await expect(atomicWrite(target, bytes('new'), lockedFs, { sleep: noSleep })).rejects.toThrow(
      /the file is in use by another program/,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(listDir()).toEqual(['Q3.pmowb']);
  });

  it('explains a missing folder', async () => {
    await expect(atomicWrite(path.join(dir, 'gone', 'Q3.pmowb'), bytes('x'))).rejects.toThrow(
      'Could not save "Q3.pmowb": the folder no longer exists. The previous version was left unchanged.',
    );
  });
});

describe('atomicWriteSync', () => {
  it('replaces a file and leaves no temp file', () => {
    const target = path.join(dir, 'window-state.json');
    fs.writeFileSync(target, '{"old":true}');
    atomicWriteSync(target, '{"new":true}');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(listDir()).toEqual(['window-state.json']);
  });

  it('cleans up when the rename fails', () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true });
    expect(() => atomicWriteSync(target, 'x')).toThrow(/Could not save "occupied"/);
    expect(listDir()).toEqual(['occupied']);
  });
});

describe('describeFsError', () => {
  it('turns error codes into words', () => {
    expect(describeFsError(fsError('EACCES'))).toBe('permission was denied');
    expect(describeFsError(fsError('EROFS'))).toBe('the disk is read-only');
    expect(describeFsError(new Error('odd'))).toBe('odd');
    expect(describeFsError('weird')).toBe('weird');
  });
});
