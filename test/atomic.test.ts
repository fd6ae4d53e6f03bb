// Atomic writes under a full disk: the write fails, the temporary file goes, the destination keeps
// its old content. node:fs is mocked here to make writeSync fail with ENOSPC.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ failWrites: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (state.failWrites)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (fs.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

const { AtomicWriter, UsageError, writeFileAtomic } = await import('../src/node/io.js');

describe('atomic writes', () => {
  it('a full disk: one clear error, no temporary file, the old file intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-atomic-'));
    const target = join(dir, 'schema.sql');
    writeFileSync(target, 'old content\n');
    state.failWrites = true;
    try {
      expect(() => writeFileAtomic(target, 'new content\n', target)).toThrow(UsageError);
      expect(() => writeFileAtomic(target, 'new content\n')).toThrow(/schema\.sql: cannot write \(ENOSPC\)/);
      const w = new AtomicWriter(target);
      expect(() => w.write('x')).toThrow(/ENOSPC/);
    } finally {
      state.failWrites = false;
    }
    expect(readFileSync(target, 'utf8')).toBe('old content\n');
    expect(readdirSync(dir)).toEqual(['schema.sql']);
  });

  it('a successful write replaces the file in one step and keeps its mode', async () => {
    const { chmodSync, statSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-atomic-'));
    const target = join(dir, 'schema.sql');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new\n', target);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['schema.sql']);
  });
});
