#!/usr/bin/env node
// Development tool (npm run bench): times clustrix-lint against baselines measured in the same
// run and prints wall time, throughput and peak RSS. Not a test: nothing here asserts.
//   npm run bench                          # cases a-e, dumps of 1 GB
//   npm run bench -- --only c,d --size 4G  # the dumps at 4 GB
//   npm run bench -- --only d --tables 5000
//   npm run bench -- --only a,b
//   npm run bench -- --only e              # report: made by the CLI, then opened in Debian's chromium
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shapeChunks, parseSize } from './gen-dump.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'clustrix-lint.js');
const RSS = join(ROOT, 'bin', 'bench-rss.cjs');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'wso2');
const APIM = join(
  CORPUS,
  'carbon-apimgt__v9.30.67-apim4.4.0__features_apimgt_org.wso2.carbon.apimgt.core.feature_src_main_resources_sql_mysql.sql',
);

const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : fallback;
};
const size = parseSize(arg('--size', '1G'));
const only = new Set(arg('--only', 'a,b,c,d,e').split(','));
const runs = Number(arg('--runs', '5'));
const tables = Number(arg('--tables', '2500'));
const PERL = ['-pe', 's/ USING HASH//g; s/utf8mb4_0900_ai_ci/utf8mb4_unicode_ci/g'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/**
 * Runs `node -r bench-rss.cjs ...args` (or `command ...args` with `command` given: its peak RSS
 * comes from /usr/bin/time when there is one), stdin from a file through a pipe if given, stdout
 * discarded.
 */
async function measure(args, stdinFile, command) {
  const started = process.hrtime.bigint();
  const argv =
    command === undefined
      ? [process.execPath, '-r', RSS, ...args]
      : TIME === null
        ? [command, ...args]
        : [TIME, '-f', '@@maxrss %M', command, ...args];
  const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'ignore', 'pipe'], cwd: ROOT });
  let err = '';
  child.stderr.on('data', (b) => (err += b.toString()));
  if (stdinFile) {
    const { createReadStream } = await import('node:fs');
    createReadStream(stdinFile, { highWaterMark: 1 << 20 }).pipe(child.stdin);
  } else child.stdin.end();
  const [code] = await once(child, 'exit');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/@@maxrss (\d+)/.exec(err)?.[1] ?? NaN) / 1024;
  if (code !== 0 && code !== 1) throw new Error(`${argv.join(' ')} exited ${code}: ${err.slice(0, 500)}`);
  return { seconds, rss };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function repeat(n, fn) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(await fn());
  return { seconds: median(all.map((r) => r.seconds)), rss: Math.max(...all.map((r) => r.rss)) };
}

const rows = [];
/** One line of the table; `versus` compares with another run: its time, or its MB/s (`rate`). */
const row = (name, r, bytes, versus) =>
  rows.push({
    case: name,
    seconds: r.seconds.toFixed(3),
    'MB/s': bytes ? (bytes / 1e6 / r.seconds).toFixed(1) : '',
    'peak RSS MB': Number.isNaN(r.rss) ? 'n/a' : r.rss.toFixed(0),
    versus:
      versus === undefined
        ? ''
        : versus.rate
          ? `${(versus.run.seconds / r.seconds).toFixed(2)}× ${versus.label}`
          : `${(r.seconds / versus.run.seconds).toFixed(2)}× ${versus.label}`,
  });

if (only.has('a')) {
  if (!existsSync(APIM)) console.error(`bench a: ${APIM} not found (the WSO2 corpus lives in ../shared)`);
  else {
    const bytes = statSync(APIM).size;
    const parseOnly = `
      const { readFileSync } = require('node:fs');
      const { Parser } = require(${JSON.stringify(join(ROOT, 'node_modules', 'node-sql-parser', 'build', 'mysql.js'))});
      import(${JSON.stringify(join(ROOT, 'dist', 'src', 'core', 'source.js'))}).then(({ SqlSource }) => {
        const sql = readFileSync(${JSON.stringify(APIM)}, 'utf8');
        const p = new Parser(); let ok = 0;
        for (const s of new SqlSource(sql).statements) { try { p.astify(sql.slice(s.start, s.end), { database: 'mysql' }); ok++; } catch {} }
      });`;
    const base = await repeat(runs, () => measure(['-e', parseOnly]));
    row('a. parse-only process (node-sql-parser mysql build), APIM 4.4.0 mysql.sql', base, bytes);
    row(
      'a. clustrix-lint check, same file, whole process',
      await repeat(runs, () => measure([BIN, 'check', APIM, '--format', 'json'])),
      bytes,
      { run: base, label: 'the time of parse-only' },
    );
  }
}

if (only.has('b')) {
  if (!existsSync(CORPUS)) console.error('bench b: WSO2 corpus not found in ../shared');
  else {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => join(CORPUS, f));
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    const script = `
      import(${JSON.stringify(join(ROOT, 'dist', 'src', 'index.js'))}).then(({ check, fix }) => {
        const { readFileSync } = require('node:fs');
        for (const f of ${JSON.stringify(files)}) { const sql = readFileSync(f, 'utf8'); check(sql); fix(sql, { lossy: true }); }
      });`;
    row(
      `b. check + fix (--lossy) of all ${files.length} corpus files, one process`,
      await repeat(runs, () => measure(['-e', script])),
      bytes,
    );
  }
}

/** Writes a dump of `shape` to a temporary file; returns its path and size, and a cleanup. */
async function dumpFile(shape) {
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-bench-'));
  const dump = join(dir, 'dump.sql');
  const out = createWriteStream(dump);
  for (const chunk of shapeChunks(shape, size, { tables })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  return { dump, bytes: statSync(dump).size, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Cases c and d: a bare Node read-and-scan, a perl one-liner (the two substitutions a user might
 * try instead), then check and fix through standard input with 1 and 2 worker threads.
 */
async function dumpCase(letter, shape, label) {
  const { dump, bytes, done } = await dumpFile(shape);
  try {
    const gb = `${(bytes / 1e9).toFixed(2)} GB`;
    const scan = `
      const s = require('node:fs').createReadStream(process.argv[1], { highWaterMark: 1 << 20 });
      let n = 0; s.on('data', (b) => { for (let k = b.indexOf(59); k >= 0; k = b.indexOf(59, k + 1)) n++; });`;
    const bare = await measure(['-e', scan, dump]);
    row(`${letter}. bare Node read-and-scan of a ${gb} ${label}`, bare, bytes);
    let perl = null;
    if (spawnSync('perl', ['-e', '1']).status === 0) {
      perl = await measure(PERL, dump, 'perl');
      row(`${letter}. perl -pe 's/ USING HASH//g; s/utf8mb4_0900_ai_ci/…/g', same dump`, perl, bytes);
    } else console.error(`bench ${letter}: perl not found, the one-liner is skipped`);
    for (const command of [
      ['check', '--stdin'],
      ['fix', '--stdin', '-o', '-'],
    ]) {
      let one = null;
      for (const threads of ['1', '2']) {
        const r = await measure([BIN, ...command, '--concurrency', threads], dump);
        const name = `${letter}. clustrix-lint ${command.join(' ')} --concurrency ${threads}`;
        if (threads === '1') {
          one = r;
          row(name, r, bytes, perl === null ? undefined : { run: perl, label: 'the MB/s of perl', rate: true });
        } else row(name, r, bytes, { run: one, label: 'the MB/s of 1 thread', rate: true });
      }
      // The memory the work needs, rather than what V8's lazy heap growth takes: one thread, V8's
      // old generation capped, and no-cascade-to-non-unique-key (which keeps every CREATE TABLE
      // to the end, for the parent keys) off. A run that does not fit says so.
      const lean = ['--max-old-space-size=48', BIN, ...command, '--concurrency', '1'];
      const leanName = `${letter}. clustrix-lint ${command.join(' ')} --concurrency 1, no-cascade-to-non-unique-key off, node --max-old-space-size=48`;
      try {
        const r = await measure([...lean, '--rule', 'no-cascade-to-non-unique-key:off'], dump);
        row(leanName, r, bytes, { run: one, label: 'the MB/s of 1 thread', rate: true });
      } catch (e) {
        console.log(
          `${leanName}: did not fit (${String(e.message).includes('heap') ? 'out of heap' : e.message.slice(0, 120)})`,
        );
      }
    }
  } finally {
    done();
  }
}

if (only.has('c')) await dumpCase('c', 'one-table', 'one-table dump');
if (only.has('d')) await dumpCase('d', 'many-tables', `many-tables dump (${tables} tables)`);

if (only.has('e')) {
  // The HTML report: the CLI making it (time, peak RSS), then Chromium opening it (load event and
  // first contentful paint, median of the runs, each in a fresh page).
  const chromium = process.env.CLUSTRIX_LINT_CHROMIUM ?? '/usr/bin/chromium';
  const PUBLIC = resolve(ROOT, '..', 'shared', 'corpus', 'public');
  if (!existsSync(chromium)) console.error(`bench e: ${chromium} not found (apt-get install chromium)`);
  else {
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-bench-report-'));
    const { chromium: driver } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'clustrix-lint-bench-chromium-'));
    const context = await driver.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const cleanups = [];
    try {
      const inputs = [];
      if (existsSync(CORPUS)) inputs.push(['WSO2 corpus (20 files)', CORPUS]);
      if (existsSync(PUBLIC)) inputs.push(['public corpus (36 files)', PUBLIC]);
      if (only.has('e-dump')) {
        const d = await dumpFile('many-tables');
        cleanups.push(d.done);
        inputs.push([`generated many-tables dump, ${(d.bytes / 1e9).toFixed(2)} GB`, d.dump]);
      }
      if (inputs.length === 0) console.error('bench e: no corpus in ../shared and no --only e-dump');
      for (const [name, input] of inputs) {
        const page = join(dir, 'report.html');
        const made = await repeat(1, () => measure([BIN, 'report', input, '-o', page]));
        const mb = statSync(page).size / 1e6;
        row(`e. clustrix-lint report, ${name} → ${mb.toFixed(2)} MB page`, made);
        const loads = [];
        const paints = [];
        for (let i = 0; i < runs; i++) {
          const tab = await context.newPage();
          await tab.goto(`file://${page}`, { waitUntil: 'load' });
          const t = await tab.evaluate(
            () =>
              new Promise((done) => {
                const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
                // The paint may come after the load event: wait for it (a few seconds at most).
                const found = (list) => list.getEntriesByName('first-contentful-paint')[0];
                new PerformanceObserver((list) => {
                  const e = found(list);
                  if (e) done({ load, fcp: e.startTime });
                }).observe({ type: 'paint', buffered: true });
                setTimeout(() => done({ load, fcp: NaN }), 5000);
              }),
          );
          loads.push(t.load / 1000);
          paints.push(t.fcp / 1000);
          await tab.close();
        }
        row(`e. Chromium opens it: first contentful paint`, { seconds: median(paints), rss: 0 });
        row(`e. Chromium opens it: load event`, { seconds: median(loads), rss: 0 });
      }
    } finally {
      await context.close();
      for (const done of cleanups) done();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

console.log(
  `node ${process.version}, ${runs} runs (median) for a, b and the page loads of e, 1 run each for c, d and the reports of e`,
);
console.table(rows);
