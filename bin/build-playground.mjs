#!/usr/bin/env node
// Builds the browser playground into ONE self-contained file, dist/playground/index.html: the
// page's script, its styles and the worker's code (started from a Blob URL) are all inlined, so it
// works opened from disk (file://) and offline, and it makes no network request (its Content
// Security Policy allows none). Sources: src/playground/. Prints the size; exits 1 over budget.
//
//   npm run playground            # build, then open dist/playground/index.html in a browser
//   node bin/build-playground.mjs --out DIR
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src', 'playground');
/** The size budget of the whole page, node-sql-parser's mysql build included (decimal megabytes). */
export const BUDGET_BYTES = 2_500_000;

/** Fails the build on any Node built-in: the page must run on the portable core only. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.split('/')[0];
      if (args.path.startsWith('node:') || builtinModules.includes(bare)) {
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${relative(ROOT, args.importer)}` }] };
      }
      return undefined;
    });
  },
};

/** Modules made at build time: `virtual:NAME` exports the string or object given here. */
function virtualModules(values) {
  return {
    name: 'virtual-modules',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => {
        const name = args.path.slice('virtual:'.length);
        if (!(name in values)) return { errors: [{ text: `unknown virtual module ${args.path}` }] };
        return { contents: `export default ${JSON.stringify(values[name])};`, loader: 'js' };
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  minify: true,
  legalComments: 'none',
  charset: 'ascii',
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/** `text` safe inside an inline <script> or <style> element, or an error naming what is not. */
function assertInlineSafe(text, what) {
  const bad = /<\/(script|style)|<!--/i.exec(text);
  if (bad) throw new Error(`${what} holds "${bad[0]}", which would end the inline element`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export async function buildPlayground(outDir = join(ROOT, 'dist', 'playground')) {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const worker = await build({ ...common, entryPoints: [join(SRC, 'worker.ts')], plugins: [noNodeBuiltins] });
  const workerCode = worker.outputFiles[0].text;

  const ruleDocs = {};
  for (const f of readdirSync(join(ROOT, 'rules')).sort()) {
    if (f.endsWith('.md')) ruleDocs[f.slice(0, -3)] = readFileSync(join(ROOT, 'rules', f), 'utf8');
  }
  const example = readFileSync(join(ROOT, 'fixtures', 'wso2-sample', 'input.sql'), 'utf8');
  const main = await build({
    ...common,
    entryPoints: [join(SRC, 'main.ts')],
    plugins: [noNodeBuiltins, virtualModules({ worker: workerCode, 'rule-docs': ruleDocs, example })],
  });
  const script = assertInlineSafe(main.outputFiles[0].text.trim(), 'the page script');
  const css = (await transform(readFileSync(join(SRC, 'style.css'), 'utf8'), { loader: 'css', minify: true })).code;
  const style = assertInlineSafe(css.trim(), 'the style sheet');

  // Scripts and styles only as inlined here (by hash), the worker only from a Blob URL, and no
  // connection of any kind: the page cannot reach the network even by mistake.
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    'worker-src blob:',
    `style-src ${sha256(style)}`,
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const template = readFileSync(join(SRC, 'index.html'), 'utf8');
  // Function replacements: `$&` and the like in the code must stay as they are.
  const html = template
    .replace(/<style>\s*\/\* __STYLE__ \*\/\s*<\/style>/, () => `<style>${style}</style>`)
    .replace(/<script>\s*\/\* __SCRIPT__ \*\/\s*<\/script>/, () => `<script>${script}</script>`)
    .replace('__CSP__', () => csp)
    .replace('__VERSION__', () => version);
  if (html.includes('__SCRIPT__') || html.includes('__STYLE__') || html.includes('__CSP__')) {
    throw new Error('src/playground/index.html: a placeholder was not filled');
  }

  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'index.html');
  writeFileSync(`${out}.tmp`, html);
  renameSync(`${out}.tmp`, out);
  const bytes = Buffer.byteLength(html);
  const parser = worker.metafile.inputs['node_modules/node-sql-parser/build/mysql.js']?.bytes ?? 0;
  return {
    path: out,
    bytes,
    workerBytes: Buffer.byteLength(workerCode),
    scriptBytes: Buffer.byteLength(script),
    parser,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  try {
    const r = await buildPlayground(outDir);
    const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
    const where = relative(process.cwd(), r.path) || r.path;
    console.log(
      `${where}: ${r.bytes} bytes (${mb(r.bytes)} of the ${mb(BUDGET_BYTES)} budget; ` +
        `worker ${mb(r.workerBytes)}, of which node-sql-parser's mysql build ${mb(r.parser)} before minifying)`,
    );
    if (r.bytes > BUDGET_BYTES) {
      console.error(`${where}: over the size budget of ${BUDGET_BYTES} bytes`);
      process.exitCode = 1;
    } else {
      console.log(`open it in a browser: file://${r.path}`);
    }
  } catch (e) {
    console.error(`playground build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
