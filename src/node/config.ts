// Configuration: `.clustrix-lint.json` or a "clustrix-lint" key in package.json, found by walking
// up from each file. JSON only: nothing from a linted repository is ever executed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TARGETS } from '../core/catalog/index.js';
import type { RuleSetting } from '../core/engine.js';
import { ConfigError } from '../core/errors.js';
import type { Rule } from '../core/rule.js';

export const CONFIG_FILE = '.clustrix-lint.json';
export const PACKAGE_KEY = 'clustrix-lint';

export interface Config {
  readonly target?: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Glob patterns (gitignore syntax), relative to `baseDir`. */
  readonly ignore: readonly string[];
  /** The directory the config file sits in ('' for none). */
  readonly baseDir: string;
  /** Where it was read from, for messages ('' for none). */
  readonly path: string;
}

export const EMPTY_CONFIG: Config = { rules: {}, ignore: [], baseDir: '', path: '' };

const SEVERITY_WORDS: Record<string, RuleSetting> = {
  off: 'off',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
};

/** Parses one severity word; throws ConfigError naming `where`. */
export function parseSeverity(value: unknown, where: string): RuleSetting {
  const s = typeof value === 'string' ? SEVERITY_WORDS[value] : undefined;
  if (s === undefined) {
    throw new ConfigError(`${where}: severity must be "off", "info", "warn" or "error", not ${JSON.stringify(value)}`);
  }
  return s;
}

/**
 * Validates a parsed config object. Every problem is reported with the path of the bad key,
 * e.g. `.clustrix-lint.json: rules["no-such-rule"]: unknown rule`.
 */
export function validateConfig(raw: unknown, path: string, rules: readonly Rule[]): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${path}: the configuration must be a JSON object`);
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!['target', 'rules', 'ignore'].includes(key)) {
      throw new ConfigError(`${path}: ${key}: unknown key (expected target, rules or ignore)`);
    }
  }
  let target: string | undefined;
  if (obj.target !== undefined) {
    if (typeof obj.target !== 'string' || !TARGETS.some((t) => t.id === obj.target)) {
      throw new ConfigError(
        `${path}: target: unknown target ${JSON.stringify(obj.target)} (expected one of: ${TARGETS.map((t) => t.id).join(', ')})`,
      );
    }
    target = obj.target;
  }
  const ids = new Set(rules.map((r) => r.meta.id));
  const settings: Record<string, RuleSetting> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      throw new ConfigError(`${path}: rules: must be an object of "rule-id": severity`);
    }
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      const where = `${path}: rules[${JSON.stringify(id)}]`;
      if (!ids.has(id)) throw new ConfigError(`${where}: unknown rule`);
      if (Array.isArray(value)) {
        const entry = value as unknown[];
        settings[id] = parseSeverity(entry[0], `${where}[0]`);
        const options = entry[1];
        if (
          value.length > 2 ||
          (options !== undefined &&
            (typeof options !== 'object' || options === null || Object.keys(options).length > 0))
        ) {
          throw new ConfigError(`${where}[1]: this rule has no options`);
        }
      } else {
        settings[id] = parseSeverity(value, where);
      }
    }
  }
  let ignore: string[] = [];
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((p) => typeof p !== 'string')) {
      throw new ConfigError(`${path}: ignore: must be an array of glob patterns`);
    }
    ignore = obj.ignore as string[];
  }
  return { target, rules: settings, ignore, baseDir: dirname(resolve(path)), path };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ConfigError(`${path}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Loads the config file named on the command line. */
export function loadConfigFile(path: string, rules: readonly Rule[]): Config {
  if (!existsSync(path)) throw new ConfigError(`${path}: no such file`);
  const raw = readJson(path);
  if (path.endsWith('package.json')) {
    const value = (raw as Record<string, unknown> | null)?.[PACKAGE_KEY];
    return value === undefined
      ? { ...EMPTY_CONFIG, baseDir: dirname(resolve(path)), path }
      : validateConfig(value, `${path}: "${PACKAGE_KEY}"`, rules);
  }
  return validateConfig(raw, path, rules);
}

/**
 * Finds the configuration for a file: the nearest `.clustrix-lint.json`, or package.json with a
 * "clustrix-lint" key, in its directory or any parent. Results are cached per directory.
 */
export class ConfigFinder {
  private readonly cache = new Map<string, Config>();

  constructor(private readonly rules: readonly Rule[]) {}

  forFile(file: string): Config {
    return this.forDir(dirname(resolve(file)));
  }

  forDir(dir: string): Config {
    const cached = this.cache.get(dir);
    if (cached !== undefined) return cached;
    let found: Config | undefined;
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) {
      found = validateConfig(readJson(candidate), candidate, this.rules);
    } else {
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg)) {
        const raw = readJson(pkg) as Record<string, unknown> | null;
        const value = raw?.[PACKAGE_KEY];
        if (value !== undefined) found = validateConfig(value, `${pkg}: "${PACKAGE_KEY}"`, this.rules);
      }
    }
    const parent = dirname(dir);
    const config = found ?? (parent === dir ? EMPTY_CONFIG : this.forDir(parent));
    this.cache.set(dir, config);
    return config;
  }
}
