// The portable way to load the core's heavy libraries: static imports, which bundlers (esbuild,
// Vite, webpack, Rollup) follow and include, and which browsers, web workers, Deno and Node all
// run. Imported for its effect by the core entry, src/core.ts.
import { createTwoFilesPatch } from 'diff';
import mysql from 'node-sql-parser/build/mysql.js';
import { provideDependencies } from './core/deps.js';

provideDependencies({
  sqlParser: () => new mysql.Parser(),
  diff: () => ({ createTwoFilesPatch }),
});
