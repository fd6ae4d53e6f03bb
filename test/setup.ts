// Runs before every test file (vitest.config.ts): tests import internal modules (engine, fixer,
// statements) directly, without an entry point, so they get the Node entry's lazy loaders of
// node-sql-parser and diff here, as `clustrix-lint` users do (src/node/deps-node.ts).
import '../src/node/deps-node.js';
