// Test helper, preloaded with --import: reports on stderr every module of ours (dist/) or of a
// package (node_modules/) the process loads, ESM and CommonJS, so a test can see what a command
// pays for.
import { writeSync } from 'node:fs';
import Module, { register } from 'node:module';

const wanted = (path) => path.includes('/node_modules/') || path.includes('/dist/');

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  // Synchronous: the hooks run on their own thread, whose process.stderr may not flush before exit.
  if (r.url.includes('/node_modules/') || r.url.includes('/dist/')) writeSync(2, '@@load ' + r.url + '\\n');
  return r;
}`),
  import.meta.url,
);

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const result = load.call(this, request, parent, isMain);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (wanted(file)) writeSync(2, `@@load file://${file}\n`);
  } catch {
    // built-in module
  }
  return result;
};
