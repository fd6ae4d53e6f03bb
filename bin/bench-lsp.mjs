#!/usr/bin/env node
// Development tool (npm run bench:lsp): the language server on a big generated dump, as an editor
// drives it over stdio. Prints times; asserts nothing. Build first (npm run build).
//   node bin/bench-lsp.mjs                 # 5 MB of each document kind, 5 runs of each edit case
//   node bin/bench-lsp.mjs --size 20M --runs 3 --only dump
// Two documents: the mysqldump of bin/gen-dump.mjs (few statements, ~1 MB INSERTs: cheap to check)
// and a schema of the same size (the WSO2-style sample repeated: tens of thousands of statements).
// Cases, each from the moment the client sent the notification to the diagnostics of that version:
//   open: didOpen of the dump;  edit: one change at the end (the 200 ms debounce included);
//   burst: 20 changes 20 ms apart, as typing, timed from the last one; and the latency of a request
//   the main thread answers (codeAction on a non-SQL document) sent while a check is running.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { dumpChunks, parseSize } from './gen-dump.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'clustrix-lint.js');
const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const size = parseSize(arg('--size', '5M'));
const runs = Number(arg('--runs', '5'));
const only = new Set(arg('--only', 'dump,schema').split(','));
const SAMPLE = readFileSync(join(ROOT, 'fixtures', 'wso2-sample', 'input.sql'), 'utf8');

if (!existsSync(join(ROOT, 'dist', 'src', 'lsp', 'server.js'))) {
  console.error('bench-lsp: build first (npm run build)');
  process.exit(2);
}

const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const waiters = [];
const published = [];
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  published.push({ ...p, at: performance.now() });
  for (let k = waiters.length - 1; k >= 0; k--) {
    if (waiters[k].uri === p.uri && waiters[k].version === p.version)
      waiters.splice(k, 1)[0].resolve(performance.now());
  }
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
/** When the diagnostics of `version` arrived (perhaps already). */
const diagnosticsOf = (uri, version) => {
  const seen = published.find((p) => p.uri === uri && p.version === version);
  if (seen !== undefined) return Promise.resolve(seen.at);
  return new Promise((resolveAt) => waiters.push({ uri, version, resolve: resolveAt }));
};

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});

const rows = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name, ms, note = '') => {
  process.stderr.write(`${name}: ${ms.toFixed(0)} ms ${note}\n`);
  rows.push({ case: name, 'ms (median)': ms.toFixed(0), runs: ms.runs ?? 1, note });
};
const other = pathToFileURL(join(ROOT, 'notes.txt')).href;
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri: other, languageId: 'plaintext', version: 1, text: 'not SQL' },
});

/** The WSO2-style sample again and again, each copy with its own table names, up to `bytes`. */
function schemaText(bytes) {
  const parts = [];
  let n = 0;
  for (let k = 0; n < bytes; k++) {
    const copy = SAMPLE.replace(/\b(REG_[A-Z_]+|AM_[A-Z_]+)\b/g, `$1_${k}`);
    parts.push(copy);
    n += copy.length;
  }
  return parts.join('');
}

async function runCase(kind, text) {
  const lines = text.split('\n').length - 1;
  const uri = pathToFileURL(join(ROOT, `bench-${kind}.sql`)).href;
  const label = `${kind} ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
  let version = 1;
  let t0 = performance.now();
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'sql', version, text },
  });
  const opened = await diagnosticsOf(uri, version);
  row(`${label}: open → diagnostics`, opened - t0);

  let end = lines;
  const append = (line) => {
    const change = { range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: line };
    end += 1;
    return connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [change],
    });
  };

  const edits = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    await append(`CREATE INDEX bench_${r} USING HASH ON REG_LOG(REG_TENANT_ID);\n`);
    edits.push((await diagnosticsOf(uri, version)) - t0);
  }
  row(
    `${label}: one edit → diagnostics of that version (debounce 200 ms included)`,
    Object.assign(median(edits), { runs }),
  );

  const bursts = [];
  const pings = [];
  let stale = 0;
  for (let r = 0; r < runs; r++) {
    const before = published.length;
    for (let k = 0; k < 20; k++) {
      await append(`-- typing ${r}.${k}\n`);
      await new Promise((res) => setTimeout(res, 20));
    }
    t0 = performance.now();
    await append(`LOCK TABLES REG_LOG WRITE;\n`);
    const last = version;
    // While the last version is being checked: a request the main thread answers by itself.
    await new Promise((res) => setTimeout(res, 250));
    const p0 = performance.now();
    await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: other },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    pings.push(performance.now() - p0);
    bursts.push((await diagnosticsOf(uri, last)) - t0);
    stale += published.slice(before).filter((p) => p.uri === uri && p.version !== last).length;
  }
  row(
    `${label}: burst of 21 edits 20 ms apart → diagnostics of the last`,
    Object.assign(median(bursts), { runs }),
    `${stale} stale publishes in all`,
  );
  row(`${label}: a main-thread request during a check (round trip)`, Object.assign(median(pings), { runs }));

  t0 = performance.now();
  const actions = await connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: end - 1, character: 0 }, end: { line: end - 1, character: 0 } },
    context: { diagnostics: [] },
  });
  row(`${label}: codeAction on the checked version`, performance.now() - t0, `${actions.length} actions`);
  t0 = performance.now();
  const fixAll = await connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  const edited = fixAll[0]?.edit?.changes?.[uri]?.length ?? 0;
  row(`${label}: fix-all (source.fixAll)`, performance.now() - t0, `${edited} text edits`);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

if (only.has('dump')) await runCase('dump', [...dumpChunks(size)].join(''));
if (only.has('schema')) await runCase('schema', schemaText(size));

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
const code = await new Promise((res) => child.once('exit', res));
connection.dispose();
console.log(`node ${process.version}, server exit code ${code}`);
console.table(rows);
