// Expands command-line inputs into the SQL files to check: files, directories (recursing into
// *.sql), quoted globs, and `-` for standard input; applies .clustrix-lintignore and the
// config's `ignore` patterns (gitignore syntax, via the `ignore` package).
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import type { Config } from './config.js';
import { UsageError } from './io.js';

// Loaded on first use: a plain `clustrix-lint check file.sql` needs neither (start-up time).
const require = createRequire(import.meta.url);
let globLib: typeof import('tinyglobby') | undefined;
const tinyglobby = () => (globLib ??= require('tinyglobby') as typeof import('tinyglobby'));
let ignoreLib: typeof import('ignore') | undefined;
const ignore = () => (ignoreLib ??= require('ignore') as typeof import('ignore'));

export const IGNORE_FILE = '.clustrix-lintignore';
export const STDIN = '-';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/** One input: a path as the user will see it, or STDIN. */
export interface Input {
  readonly path: string;
  /** True when named on the command line (not found by a directory walk or glob). */
  readonly explicit: boolean;
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Expands `args` (relative to `cwd`) into inputs, in a stable order, without duplicates. */
export function expandInputs(args: readonly string[], cwd: string): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    const key = path === STDIN ? STDIN : resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, explicit });
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add(STDIN, true);
      continue;
    }
    const abs = resolve(cwd, arg);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const found = tinyglobby().globSync(['**/*.sql'], { cwd: abs, ignore: ALWAYS_SKIPPED, onlyFiles: true }).sort();
      if (found.length === 0) throw new UsageError(`${arg}: no .sql files in this directory`);
      // Shown as the user wrote the directory: relative stays relative, absolute stays absolute.
      for (const f of found) add(toPosix(join(arg, f)), false);
    } else if (existsSync(abs)) {
      add(arg, true);
    } else if (tinyglobby().isDynamicPattern(arg)) {
      const found = tinyglobby()
        .globSync([arg], { cwd, ignore: ALWAYS_SKIPPED, onlyFiles: true, absolute: isAbsolute(arg) })
        .sort();
      if (found.length === 0) throw new UsageError(`${arg}: no files match this pattern`);
      for (const f of found) add(f, false);
    } else {
      add(arg, true); // reading it reports "no such file"
    }
  }
  return out;
}

/** Gitignore-style patterns rooted at a directory. */
export class IgnoreList {
  private readonly matcher: Ignore;

  constructor(
    private readonly root: string,
    patterns: readonly string[],
  ) {
    this.matcher = ignore()().add([...patterns]);
  }

  /** The patterns of `.clustrix-lintignore` in `dir`, if it exists. */
  static fromIgnoreFile(dir: string): IgnoreList | null {
    const file = resolve(dir, IGNORE_FILE);
    if (!existsSync(file)) return null;
    return new IgnoreList(dir, readFileSync(file, 'utf8').split(/\r?\n/));
  }

  ignores(path: string): boolean {
    const rel = toPosix(relative(this.root, resolve(path)));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return this.matcher.ignores(rel);
  }
}

/**
 * True when `path` is skipped: matched by a `.clustrix-lintignore` (`ignoreFile`, from the directory
 * a run starts in) or by the `ignore` patterns of the config that applies to it.
 */
export function isIgnored(
  path: string,
  ignoreFile: IgnoreList | null,
  config: Pick<Config, 'ignore' | 'baseDir'>,
): boolean {
  const abs = resolve(path);
  if (ignoreFile?.ignores(abs)) return true;
  return config.ignore.length > 0 && new IgnoreList(config.baseDir, config.ignore).ignores(abs);
}

/** Whether two paths name the same file (through links); by their resolved names when one is missing. */
export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}
