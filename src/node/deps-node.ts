// Node's way to load the core's heavy libraries: lazily, with createRequire, so a command pays
// only for what it uses (a plain `check` loads neither node-sql-parser nor diff; see the start-up
// test in test/stream.test.ts). Imported for its effect by the Node entry, src/index.ts.
import { createRequire } from 'node:module';
import { provideDependencies, type DiffLibrary, type SqlParser } from '../core/deps.js';

const require = createRequire(import.meta.url);

provideDependencies({
  sqlParser: () => {
    const mod = require('node-sql-parser/build/mysql.js') as { Parser: new () => SqlParser };
    return new mod.Parser();
  },
  diff: () => require('diff') as DiffLibrary,
});
