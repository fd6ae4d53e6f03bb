// The two heavy libraries the core uses, node-sql-parser's mysql build and diff, reached through
// one seam so that each entry point decides how they are loaded: the Node entry (index.ts, through
// deps-node.ts) loads each on first use with createRequire, so a plain `check` pays for neither;
// the core entry (core.ts, through deps-bundled.ts, for browsers, web workers and Deno) imports
// them statically, so bundlers see and include them. Nothing here touches a Node built-in.
import type { createTwoFilesPatch } from 'diff';
import { InternalError } from './errors.js';

/** The part of node-sql-parser's Parser the core uses. */
export interface SqlParser {
  astify(sql: string, opt: { database: string; trimQuery: boolean }): unknown;
}

/** The part of the diff library the core uses. */
export interface DiffLibrary {
  readonly createTwoFilesPatch: typeof createTwoFilesPatch;
}

/** How an entry point loads the libraries; each loader is called at most once, on first use. */
export interface DependencyLoaders {
  readonly sqlParser: () => SqlParser;
  readonly diff: () => DiffLibrary;
}

let loaders: DependencyLoaders | undefined;
let parser: SqlParser | undefined;
let diff: DiffLibrary | undefined;

/** Called once by an entry point (deps-node.ts, deps-bundled.ts) when it is imported. */
export function provideDependencies(next: DependencyLoaders): void {
  loaders = next;
  parser = undefined;
  diff = undefined;
}

function need(): DependencyLoaders {
  if (loaders === undefined) {
    throw new InternalError(
      "clustrix-lint's parser and diff libraries were not set up: import 'clustrix-lint' (Node) or 'clustrix-lint/core' (browsers, workers, Deno), not an internal module",
    );
  }
  return loaders;
}

/** node-sql-parser's mysql Parser, loaded on first use. */
export function sqlParser(): SqlParser {
  return (parser ??= need().sqlParser());
}

/** The diff library, loaded on first use. */
export function diffLibrary(): DiffLibrary {
  return (diff ??= need().diff());
}
