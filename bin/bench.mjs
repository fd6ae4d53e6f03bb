#!/usr/bin/env node
// Development tool (npm run bench): times clustrix-lint against baselines measured in the same
// run and prints wall time, throughput and peak RSS. Not a test: nothing here asserts.
//   npm run bench                 # cases a, b, c with a 1 GB dump
//   npm run bench -- --size 4G    # case c with a 4 GB dump
//   npm run bench -- --only a,b
//   npm run bench -- --only d     # report: made by the CLI, then opened in Debian's chromium
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpChunks, parseSize } from './gen-dump.mjs';

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
const only = new Set(arg('--only', 'a,b,c,d').split(','));
const runs = Number(arg('--runs', '5'));

if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/** Runs `node -r bench-rss.cjs ...args`, stdin from a file if given, stdout discarded. */
async function measure(args, stdinFile) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-r', RSS, ...args], { stdio: ['pipe', 'ignore', 'pipe'], cwd: ROOT });
  let err = '';
  child.stderr.on('data', (b) => (err += b.toString()));
  if (stdinFile) {
    const { createReadStream } = await import('node:fs');
    createReadStream(stdinFile, { highWaterMark: 1 << 20 }).pipe(child.stdin);
  } else child.stdin.end();
  const [code] = await once(child, 'exit');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/@@maxrss (\d+)/.exec(err)?.[1] ?? 0) / 1024;
  if (code !== 0 && code !== 1) throw new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`);
  return { seconds, rss };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function repeat(n, fn) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(await fn());
  return { seconds: median(all.map((r) => r.seconds)), rss: Math.max(...all.map((r) => r.rss)) };
}

const rows = [];
const row = (name, r, bytes, baseline) =>
  rows.push({
    case: name,
    seconds: r.seconds.toFixed(3),
    'MB/s': bytes ? (bytes / 1e6 / r.seconds).toFixed(1) : '',
    'peak RSS MB': r.rss.toFixed(0),
    'vs baseline': baseline ? `${(r.seconds / baseline.seconds).toFixed(2)}× time` : '',
  });

if (only.has('a')) {
  if (!existsSync(APIM)) console.error(`bench a: ${APIM} not found (the WSO2 corpus lives in ../shared)`);
  else {
    const bytes = statSync(APIM).size;
    const parseOnly = `
      const { readFileSync } = require('node:fs');
      const { Parser } = require(${JSON.stringify(join(ROOT, 'node_modules', 'node-sql-parser', 'build', 'mysql.js'))});
      import(${JSON.stringify(join(ROOT, 'dist', 'src', 'source.js'))}).then(({ SqlSource }) => {
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
      base,
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

if (only.has('c')) {
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-bench-'));
  const dump = join(dir, 'dump.sql');
  try {
    const out = createWriteStream(dump);
    for (const chunk of dumpChunks(size)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
    const bytes = statSync(dump).size;
    const scan = `
      const s = require('node:fs').createReadStream(process.argv[1], { highWaterMark: 1 << 20 });
      let n = 0; s.on('data', (b) => { for (let k = b.indexOf(59); k >= 0; k = b.indexOf(59, k + 1)) n++; });`;
    const base = await repeat(1, () => measure(['-e', scan, dump]));
    row(`c. bare Node read-and-scan of a ${(bytes / 1e9).toFixed(2)} GB dump`, base, bytes);
    row(
      `c. clustrix-lint fix --stdin -o - of the same dump`,
      await repeat(1, () => measure([BIN, 'fix', '--stdin', '-o', '-'], dump)),
      bytes,
      base,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only.has('d')) {
  // The HTML report: the CLI making it (time, peak RSS), then Chromium opening it (load event and
  // first contentful paint, median of the runs, each in a fresh page).
  const chromium = process.env.CLUSTRIX_LINT_CHROMIUM ?? '/usr/bin/chromium';
  const PUBLIC = resolve(ROOT, '..', 'shared', 'corpus', 'public');
  if (!existsSync(chromium)) console.error(`bench d: ${chromium} not found (apt-get install chromium)`);
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
    try {
      const inputs = [];
      if (existsSync(CORPUS)) inputs.push(['WSO2 corpus (20 files)', CORPUS]);
      if (existsSync(PUBLIC)) inputs.push(['public corpus (36 files)', PUBLIC]);
      if (only.has('d-dump')) {
        const dump = join(dir, 'dump.sql');
        const out = createWriteStream(dump);
        for (const chunk of dumpChunks(size)) if (!out.write(chunk)) await once(out, 'drain');
        out.end();
        await once(out, 'close');
        inputs.push([`generated dump, ${(statSync(dump).size / 1e9).toFixed(2)} GB`, dump]);
      }
      if (inputs.length === 0) console.error('bench d: no corpus in ../shared and no --only d-dump');
      for (const [name, input] of inputs) {
        const page = join(dir, 'report.html');
        const made = await repeat(1, () => measure([BIN, 'report', input, '-o', page]));
        const mb = statSync(page).size / 1e6;
        row(`d. clustrix-lint report, ${name} → ${mb.toFixed(2)} MB page`, made);
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
        row(`d. Chromium opens it: first contentful paint`, { seconds: median(paints), rss: 0 });
        row(`d. Chromium opens it: load event`, { seconds: median(loads), rss: 0 });
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

console.log(
  `node ${process.version}, ${runs} runs (median) for a, b and the page loads of d, 1 run for c and the reports of d`,
);
console.table(rows);
