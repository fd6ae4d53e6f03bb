// The HTML report in a real browser: Debian's chromium driven by playwright-core (no browser
// download). The reports of both corpora render with no console error and no network request,
// show check --format json's totals, embed its findings, pass axe-core with no serious or
// critical violation, work without JavaScript and in print; the report of a live database (a
// real MariaDB) has check's findings and each table's size. Screenshots are saved to
// .vitest-tmp/report/ (git-ignored). Rendering time is measured by `npm run bench -- --only d`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlSyntaxError } from '../src/core/errors.js';
import { check } from '../src/index.js';
import { CHROMIUM_FLAGS, CHROMIUM_SKIP_REASON, chromiumPath } from './helpers/chromium.js';
import { runCli } from './helpers/cli.js';
import { CORPUS_DIR, CORPUS_SKIP_REASON, PUBLIC_CORPUS_DIR, corpusFiles, publicCorpusFiles } from './helpers/corpus.js';
import { ROOT } from './helpers/paths.js';
import { MARIADBD, MARIADB_SKIP_REASON, startMariadb, type Server } from './helpers/mariadb.js';

// What the callbacks run in the page use (the project's tsconfig has no DOM library).
declare const document: {
  getElementById(id: string): { textContent: string | null; scrollIntoView(): void } | null;
};
declare const window: { dispatchEvent(e: unknown): void };
declare const Event: new (type: string) => unknown;

const chromium = chromiumPath();
const wso2 = corpusFiles();
const pub = publicCorpusFiles();
const ARTIFACTS = join(ROOT, '.vitest-tmp', 'report');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface JsonFile {
  filePath: string;
  findings: Array<{ category: string }>;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  adviceCount: number;
  suggestionCount: number;
}

/** check --format json lists advice among the findings; the report keeps it apart. */
const compatibility = (f: JsonFile) => f.findings.filter((x) => x.category !== 'advice');
const adviceOf = (f: JsonFile) => f.findings.filter((x) => x.category === 'advice');

/**
 * check --format json of the files (one run of the real CLI over those it can read); a file that
 * check refuses (it cannot be tokenized) maps to its located error instead.
 */
function checkAll(files: readonly string[]): Map<string, JsonFile | { error: string }> {
  const out = new Map<string, JsonFile | { error: string }>();
  const readable: string[] = [];
  for (const f of files) {
    try {
      check(readFileSync(f, 'utf8'), { filename: f });
      readable.push(f);
    } catch (e) {
      if (!(e instanceof SqlSyntaxError)) throw e;
      out.set(f, { error: `${e.line}:${e.column}: ${e.reason}` });
    }
  }
  const json = join(mkdtempSync(join(tmpdir(), 'clustrix-lint-json-')), 'check.json');
  const r = runCli(['check', ...readable, '--format', 'json', '--output-file', json]);
  expect(r.stderr).toBe('');
  for (const report of JSON.parse(readFileSync(json, 'utf8')) as JsonFile[])
    out.set(
      readable.find((f) => basename(f) === basename(report.filePath))!,
      report,
    );
  return out;
}

const num = (s: string | null) => Number((s ?? '').replace(/,/g, ''));

async function launch(javaScriptEnabled = true): Promise<{ context: BrowserContext; dir: string }> {
  const { chromium: driver } = await import('playwright-core');
  // A fresh profile (--user-data-dir) for every browser.
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-chromium-'));
  const context = await driver.launchPersistentContext(dir, {
    executablePath: chromium!,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  return { context, dir };
}

/** Opens a page and records what it logs and asks for. */
async function open(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, url };
}

describe.skipIf(chromium === null)('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let work: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'clustrix-lint-report-browser-'));
    ({ context, dir: profile } = await launch());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const corpora = [['wso2', CORPUS_DIR, () => wso2] as const, ['public', PUBLIC_CORPUS_DIR, () => pub] as const];

  describe.each(corpora)('the report of corpus/%s', (name, dir, files) => {
    const present = files() !== null;
    let page: Page;
    let logged: string[];
    let requested: string[];
    let pageUrl: string;
    let expected: Map<string, JsonFile | { error: string }>;

    beforeAll(async () => {
      if (!present) return;
      const out = join(work, `${name}.html`);
      const r = runCli(['report', dir, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
      expected = checkAll(files()!);
      ({ page, errors: logged, requests: requested, url: pageUrl } = await open(context, out));
    }, 300_000);

    it.skipIf(!present)(
      'renders with no console error and no request but the page itself',
      async () => {
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('h1').innerText()).toBe('Migration assessment for Xpand 23.09');
        expect(await page.locator('article.rule').count()).toBeGreaterThan(0);
        expect(logged).toEqual([]);
        expect(requested).toEqual([pageUrl]);
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
        await page.evaluate(() => document.getElementById('rules')!.scrollIntoView());
        await page.screenshot({ path: join(ARTIFACTS, `${name}-rules.png`) });
      },
      60_000,
    );

    it.skipIf(!present)(
      'its visible totals are those of check --format json, in all and per file',
      async () => {
        const ok = [...expected.values()].filter((v): v is JsonFile => !('error' in v));
        const sum = (k: 'errorCount' | 'warningCount' | 'infoCount' | 'adviceCount' | 'suggestionCount') =>
          ok.reduce((n, f) => n + f[k], 0);
        const card = (k: string) => page.locator(`#summary [data-count="${k}"]`).innerText().then(num);
        expect(await card('findings')).toBe(ok.reduce((n, f) => n + compatibility(f).length, 0));
        expect(await card('errors')).toBe(sum('errorCount'));
        expect(await card('warnings')).toBe(sum('warningCount'));
        expect(await card('infos')).toBe(sum('infoCount'));
        // Advice: its own card, its own section, never among the findings or severities above.
        expect(sum('adviceCount')).toBeGreaterThan(0);
        expect(await card('advice')).toBe(sum('adviceCount'));
        expect(await card('suggestions')).toBe(sum('suggestionCount'));
        expect(await page.locator('#advice h2').innerText()).toBe('Recommended for Xpand 23.09');
        expect(await page.locator('#advice article.advice').count()).toBeGreaterThan(0);
        expect(await page.locator('#rules article[data-rule^="prefer-"]').count()).toBe(0);
        await page.evaluate(() => document.getElementById('advice')!.scrollIntoView());
        await page.screenshot({ path: join(ARTIFACTS, `${name}-advice.png`) });
        const rows = await page.locator('#files tr[data-file]').evaluateAll((trs) =>
          trs.map((tr) => ({
            file: tr.getAttribute('data-file')!,
            text: tr.textContent ?? '',
            counts: Object.fromEntries(
              [...tr.querySelectorAll('[data-count]')].map((td) => [td.getAttribute('data-count'), td.textContent]),
            ),
          })),
        );
        expect(rows.map((r) => basename(r.file)).sort()).toEqual(
          files()!
            .map((f) => basename(f))
            .sort(),
        );
        for (const row of rows) {
          const want = [...expected.entries()].find(([f]) => basename(f) === basename(row.file))![1];
          if ('error' in want) {
            // check refuses the file with this one line; the report lists it as not assessed, with it.
            expect(row.text).toContain(want.error);
            continue;
          }
          expect(num(row.counts.findings), row.file).toBe(compatibility(want).length);
          expect(num(row.counts.advice), row.file).toBe(want.adviceCount);
          expect(num(row.counts.errors), row.file).toBe(want.errorCount);
          expect(num(row.counts.warnings), row.file).toBe(want.warningCount);
          expect(num(row.counts.infos), row.file).toBe(want.infoCount);
        }
      },
      60_000,
    );

    it.skipIf(!present)(
      'its embedded JSON parses back to the JSON report’s findings',
      async () => {
        const data = (await page.evaluate(() =>
          JSON.parse(document.getElementById('clustrix-lint-data')!.textContent!),
        )) as {
          target: string;
          files: Array<{ filePath: string; findings: unknown[]; advice: unknown[]; error?: string }>;
        };
        expect(data.target).toBe('xpand-23.09');
        for (const f of data.files) {
          const want = [...expected.entries()].find(([p]) => basename(p) === basename(f.filePath))![1];
          if ('error' in want) expect(f.error).toBeDefined();
          else {
            expect(f.findings, f.filePath).toEqual(compatibility(want));
            expect(f.advice, f.filePath).toEqual(adviceOf(want));
          }
        }
      },
      60_000,
    );

    it.skipIf(!present)(
      'axe-core finds no serious or critical accessibility violation',
      async () => {
        await page.addScriptTag({ content: AXE });
        const violations = (await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }
          ).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations;
        })) as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
        expect(bad).toEqual([]);
      },
      120_000,
    );

    if (!present)
      it.skip(name === 'wso2' ? CORPUS_SKIP_REASON : CORPUS_SKIP_REASON.replace('wso2', 'public'), () => {});
  });

  it.skipIf(wso2 === null)(
    'the filter, the fix-kind toggles and print unfolding work',
    async () => {
      const out = join(work, 'wso2-js.html');
      expect(runCli(['report', CORPUS_DIR, '-o', out]).status).toBe(0);
      const { page, errors } = await open(context, out);
      const visible = () => page.locator('article.rule:not(.hidden)').count();
      const all = await visible();
      expect(all).toBeGreaterThan(1);
      await page.fill('#flt', 'no-unsupported-index-type');
      expect(await visible()).toBe(1);
      await page.fill('#flt', '');
      expect(await visible()).toBe(all);
      await page.uncheck('input[data-fx="safe"]');
      expect(await page.locator('.group[data-fx="safe"]:not(.hidden)').count()).toBe(0);
      await page.check('input[data-fx="safe"]');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await page.locator('details:not([open])').count()).toBe(0);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.locator('details:not([open])').count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'screen' });
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('without JavaScript the content and totals are all there (server-rendered)', async () => {
    const out = join(work, 'sample-nojs.html');
    const sample = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
    expect(runCli(['report', sample, '-o', out]).status).toBe(0);
    const json = (JSON.parse(runCli(['check', sample, '--format', 'json']).stdout) as JsonFile[])[0]!;
    const { context: plain, dir } = await launch(false);
    try {
      const { page, errors, requests, url } = await open(plain, out);
      expect(num(await page.locator('#summary [data-count="findings"]').innerText())).toBe(json.findings.length);
      expect(await page.locator('article.rule').count()).toBeGreaterThan(0);
      expect(await page.locator('.tools').count()).toBe(0);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.screenshot({ path: join(ARTIFACTS, 'sample-nojs.png'), fullPage: true });
    } finally {
      await plain.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('hostile names stay text in the browser: one data script that parses, no injected element', async () => {
    const dir = mkdtempSync(join(work, 'hostile-'));
    const file = join(dir, 'x.sql');
    const sql =
      "CREATE TABLE t (c VARCHAR(9) COLLATE `</script><img src=x onerror=alert(1)><!--`) ENGINE=MyISAM COMMENT '</script>';\n";
    writeFileSync(file, sql);
    const out = join(dir, 'x.html');
    expect(runCli(['report', file, '-o', out]).status).toBe(0);
    const { page, errors, requests, url } = await open(context, out);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    const data = (await page.evaluate(() =>
      JSON.parse(document.getElementById('clustrix-lint-data')!.textContent!),
    )) as {
      files: Array<{ findings: Array<{ message: string }> }>;
    };
    expect(data.files[0]!.findings.some((f) => f.message.includes('</script><img src=x onerror=alert(1)><!--'))).toBe(
      true,
    );
    expect(await page.locator('body').innerText()).toContain('</script><img src=x onerror=alert(1)><!--');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);
});

if (chromium === null) {
  describe('the HTML report in Chromium', () => {
    it.skip(CHROMIUM_SKIP_REASON, () => {});
  });
}

/** The embedded data of a report page, read from the file without a browser. */
function embedded(html: string) {
  const m = /<script type="application\/json" id="clustrix-lint-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m, 'no embedded data').not.toBeNull();
  return JSON.parse(m![1]!) as {
    totals: { files: number; databases: number; findings: number; adviceCount: number };
    files: Array<{
      filePath: string;
      findings: Array<{ category: string; objectName?: string }>;
      advice: unknown[];
      objects: Array<{
        kind: string;
        name: string;
        findings: number;
        size?: { rows: number | null; bytes: number | null };
      }>;
    }>;
  };
}

// A live database as a report input: `report mysql://…` reads it read-only, as check does, and
// shows each table's size and row estimate beside its findings.
describe.skipIf(MARIADBD === null)(`the report of a live database (real MariaDB; ${MARIADB_SKIP_REASON})`, () => {
  let server: Server;
  let work: string;
  const url = 'mysql://root@localhost/fx';
  const live = (args: string[]) => runCli([...args, '--socket', server.socket]);
  /** information_schema's rows and bytes of every table of `db`. */
  const sizes = (db: string) =>
    new Map(
      server
        .sql(
          `SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${db}' AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')`,
        )
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
        .map(([name, rows, bytes]) => [name!, { rows: Number(rows), bytes: Number(bytes) }]),
    );

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clustrix-lint-report-live-'));
    server = await startMariadb({ ephemeral: true });
    server.sql('CREATE DATABASE fx');
    execFileSync('mariadb', ['--no-defaults', `--socket=${server.socket}`, '-uroot', 'fx'], {
      input: readFileSync(join(ROOT, 'test', 'live-fixture.sql')),
    });
    // Rows enough that sizes differ from table to table; ANALYZE makes InnoDB's estimates current.
    server.sql(
      'USE fx; INSERT INTO parent SELECT seq, CONCAT("p", seq) FROM seq_3_to_2000; INSERT INTO cache SELECT CONCAT("k", seq), REPEAT("v", 150) FROM seq_1_to_500; ANALYZE TABLE parent, cache',
    );
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('has check --format json’s findings, placed on objects, in two parts: the server and the schema', () => {
    const out = join(work, 'fx.html');
    const r = live(['report', url, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const data = embedded(readFileSync(out, 'utf8'));
    const json = JSON.parse(live(['check', url, '--format', 'json']).stdout) as JsonFile[];
    expect(json).toHaveLength(1);
    expect(data.files.map((f) => f.filePath)).toEqual(['mysql://localhost/', 'mysql://localhost/fx']);
    expect(data.totals).toMatchObject({ files: 0, databases: 1 });
    // The same finding objects, in check's order: the server's first, then the schema's.
    expect(data.files.flatMap((f) => f.findings)).toEqual(compatibility(json[0]!));
    expect(data.files.flatMap((f) => f.advice)).toEqual(adviceOf(json[0]!));
    expect(data.files[0]!.findings.length).toBeGreaterThan(0);
    expect(data.files[1]!.findings.every((f) => f.objectName!.startsWith('mysql://localhost/fx/'))).toBe(true);
  }, 120_000);

  it('shows each table’s size and row estimate beside its findings, in HTML and in markdown', () => {
    const want = sizes('fx');
    const out = join(work, 'fx-sizes.html');
    expect(live(['report', url, '-o', out]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const tables = embedded(html).files[1]!.objects.filter((o) => o.kind === 'table');
    expect(tables.map((t) => t.name).sort()).toEqual([...want.keys()].filter((t) => t !== 'ticket_seq').sort());
    for (const t of tables) expect(t.size, t.name).toEqual(want.get(t.name));
    // The two tables with data are the largest, and the report says how large.
    expect(want.get('parent')!.rows).toBeGreaterThan(1000);
    expect(html).toContain(`data-rows="${want.get('cache')!.rows}"`);
    expect(html).toContain(`data-bytes="${want.get('cache')!.bytes}"`);
    const md = live(['report', url, '--format', 'markdown']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('1 live database, ');
    expect(md.stdout).toMatch(
      /- Live database mysql:\/\/localhost\/fx \(server version [^)]+\): \d+ tables, about [\d,]+ rows, /,
    );
    const row = md.stdout.split('\n').find((l) => l.startsWith('| <code>cache</code> |'));
    expect(row, md.stdout).toBeDefined();
    expect(row).toContain(`| ${want.get('cache')!.rows.toLocaleString('en-US')} |`);
    expect(md.stdout).toContain('<code>mysql://localhost/fx/cache:');
  }, 120_000);

  it('--all-databases, and a database that is not there is one line and exit code 2', () => {
    const all = join(work, 'all.html');
    const r = live(['report', 'mysql://root@localhost/', '--all-databases', '-o', all]);
    expect(r.status, r.stderr).toBe(0);
    expect(embedded(readFileSync(all, 'utf8')).files.map((f) => f.filePath)).toEqual([
      'mysql://localhost/',
      'mysql://localhost/fx',
    ]);
    // Comparing targets reads the database once and assesses both parts for each.
    const compared = live(['report', url, '--compare-targets', 'clustrixdb-9.2,xpand-23.09', '-f', 'markdown']);
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stdout).toMatch(/### From ClustrixDB 9\.2 to Xpand 23\.09\n\n\d+ findings for ClustrixDB 9\.2/);
    const bad = live(['report', 'mysql://root@localhost/nope', '-o', join(work, 'nope.html')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('mysql://localhost/nope');
    expect(existsSync(join(work, 'nope.html'))).toBe(false);
  }, 120_000);

  it.skipIf(chromium === null)(
    'renders in Chromium: no console error, no request, the sizes in view, axe-core clean',
    async () => {
      const out = join(work, 'fx-browser.html');
      expect(live(['report', url, '-o', out]).status).toBe(0);
      const want = sizes('fx');
      const { context, dir } = await launch();
      try {
        const { page, errors, requests, url: pageUrl } = await open(context, out);
        expect(await page.locator('h1').innerText()).toBe('Migration assessment for Xpand 23.09');
        const rowsCell = page.locator('#summary tr[data-live="mysql://localhost/fx"] [data-live-count="rows"]');
        expect(num(await rowsCell.innerText())).toBe(
          [...want].filter(([t]) => t !== 'ticket_seq').reduce((n, [, s]) => n + s.rows, 0),
        );
        const cache = page.locator('#objects tr', { has: page.locator('code', { hasText: /^cache$/ }) });
        expect(await cache.locator('[data-rows]').innerText().then(num)).toBe(want.get('cache')!.rows);
        await page.addScriptTag({ content: AXE });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: unknown[] }> } }).axe;
          return (await axe.run(document)).violations;
        })) as Array<{ id: string; impact: string }>;
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
          [],
        );
        expect(errors).toEqual([]);
        expect(requests).toEqual([pageUrl]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, 'live.png') });
        await page.evaluate(() => document.getElementById('objects')!.scrollIntoView());
        await page.screenshot({ path: join(ARTIFACTS, 'live-objects.png') });
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
