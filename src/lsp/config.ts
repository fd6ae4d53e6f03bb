// The configuration of one document in the editor: the CLI's lookup (the nearest
// .clustrix-lint.json or package.json key, `.clustrix-lintignore`, the config's `ignore` patterns)
// with the editor's `clustrixLint.*` settings on top, as command-line flags are on top for the CLI.
import { dirname } from 'node:path';
import { DEFAULT_TARGET_ID } from '../core/catalog/index.js';
import { ConfigFinder, EMPTY_CONFIG, validateConfig, type Config } from '../node/config.js';
import type { RuleSetting } from '../core/engine.js';
import { ConfigError } from '../core/errors.js';
import { IgnoreList, isIgnored } from '../node/files.js';
import { rules } from '../index.js';

/** The `clustrixLint` section of the editor's settings, validated. */
export interface EditorSettings {
  readonly target?: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Offer lossy fixes as quick fixes (and the lossy fix-all); default false, like `fix` without --lossy. */
  readonly lossy: boolean;
}

const SETTINGS_NAME = 'settings clustrixLint';

/**
 * Validates the client's `clustrixLint` settings with the config file's rules (the same severity
 * words, the same messages). Keys other than target, rules and lossy are left alone: clients send
 * their own there (VS Code's `clustrixLint.trace.server`). null means "not set", as VS Code sends
 * a setting nobody set.
 */
export function parseSettings(raw: unknown): EditorSettings {
  if (raw === null || raw === undefined) return { rules: {}, lossy: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${SETTINGS_NAME}: must be an object`);
  const obj = raw as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  if (obj.target !== null && obj.target !== undefined && obj.target !== '') picked.target = obj.target;
  if (obj.rules !== null && obj.rules !== undefined) picked.rules = obj.rules;
  const checked = validateConfig(picked, SETTINGS_NAME, rules);
  if (obj.lossy !== null && obj.lossy !== undefined && typeof obj.lossy !== 'boolean') {
    throw new ConfigError(`${SETTINGS_NAME}: lossy: must be true or false, not ${JSON.stringify(obj.lossy)}`);
  }
  return { target: checked.target, rules: checked.rules, lossy: obj.lossy === true };
}

/** How one document is checked. */
export interface DocumentOptions {
  readonly ignored: boolean;
  readonly target: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly lossy: boolean;
  readonly filename: string | undefined;
}

/**
 * Resolves a document's options. `path` is its file (null for an untitled buffer, which gets the
 * workspace folder's config); `root` is its workspace folder, whose `.clustrix-lintignore` applies
 * as the one in the directory the CLI runs in does (without a folder: the file's own directory).
 * The lookup is fresh on every call, so an edited config file counts from the next check on.
 * Throws ConfigError for a bad config file or bad settings.
 */
export function documentOptions(path: string | null, root: string | null, rawSettings: unknown): DocumentOptions {
  const settings = parseSettings(rawSettings);
  const finder = new ConfigFinder(rules);
  const config: Config = path !== null ? finder.forFile(path) : root !== null ? finder.forDir(root) : EMPTY_CONFIG;
  const ignoreDir = root ?? (path === null ? null : dirname(path));
  const ignored =
    path !== null && isIgnored(path, ignoreDir === null ? null : IgnoreList.fromIgnoreFile(ignoreDir), config);
  return {
    ignored,
    target: settings.target ?? config.target ?? DEFAULT_TARGET_ID,
    rules: { ...config.rules, ...settings.rules },
    lossy: settings.lossy,
    filename: path ?? undefined,
  };
}
