// Test helper, preloaded with --import: reports on stderr every module of ours (dist/) or of a
// package (node_modules/) the process loads, ESM and CommonJS, so a test can see what a command
// pays for.
import Module, { register } from 'node:module';

const wanted = (path) => path.includes('/node_modules/') || path.includes('/dist/');

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.includes('/node_modules/') || r.url.includes('/dist/')) process.stderr.write('@@load ' + r.url + '\\n');
  return r;
}`),
  import.meta.url,
);

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const result = load.call(this, request, parent, isMain);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (wanted(file)) process.stderr.write(`@@load file://${file}\n`);
  } catch {
    // built-in module
  }
  return result;
};
