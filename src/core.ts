// The portable entry point (`clustrix-lint/core`, and `clustrix-lint` under the `browser` export
// condition): check, checkDetailed, fix, the rules and the targets, with no Node built-in anywhere
// in its module graph, for browsers, web workers, Deno and bundlers. node-sql-parser's mysql build
// and diff are imported statically (deps-bundled.ts) so a bundler includes them. Streaming
// (checkStream, fixStream) is Node-only and stays in `clustrix-lint`.
import './deps-bundled.js';

export * from './core/api.js';
