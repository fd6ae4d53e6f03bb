/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the code that page.evaluate runs in the page.)
// The browser playground, as a user gets it: `npm run playground` builds one self-contained
// dist/playground/index.html; opened from disk in headless Chromium (Debian's, driven by
// playwright-core) it gives exactly the CLI's findings, clean script and diff, in a real Web Worker,
// with no console error and no network request. Screenshots go to test-artifacts/ (git-ignored).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check, fix, type Finding } from '../src/index.js';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from './helpers/chromium.js';
import { runCli } from './helpers/cli.js';
import { CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';
import { ROOT } from './helpers/paths.js';

const PAGE_FILE = join(ROOT, 'dist', 'playground', 'index.html');
const PAGE_URL = pathToFileURL(PAGE_FILE).href;
const ARTIFACTS = join(ROOT, 'test-artifacts');
const SAMPLE_DIR = join(ROOT, 'fixtures', 'wso2-sample');
const SAMPLE = readFileSync(join(SAMPLE_DIR, 'input.sql'), 'utf8');
const BUDGET_BYTES = 2_500_000;

/** Debian's chromium, or null when it is absent (a user's machine); under CI its absence is a failure. */
function chromiumPath(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM} (.ci/run installs it)`);
  return null;
}
const BROWSER = chromiumPath();
if (BROWSER === null) {
  console.warn(
    `Chromium not found at ${CHROMIUM} (apt-get install chromium); the playground's browser tests are skipped`,
  );
}

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const fragmentFor = (sql: string, target: string, lossy = false) =>
  `target=${target}&sql=${b64url(sql)}${lossy ? '&lossy=1' : ''}`;

/** What the page and the CLI are compared on. */
const shape = (f: Pick<Finding, 'ruleId' | 'severity' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'>) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  message: f.message,
});

function sqlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(dir, f));
}

let buildOutput = '';

beforeAll(() => {
  // As a user runs it: `npm run playground` is `node bin/build-playground.mjs`.
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'build-playground.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  buildOutput = r.stdout;
}, 120_000);

describe('playground build', () => {
  it('prints its size, which is within the 2.5 MB budget (node-sql-parser included)', () => {
    const bytes = statSync(PAGE_FILE).size;
    expect(buildOutput).toContain(`dist/playground/index.html: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    // The parser really is inside: the page is not small because something was left out.
    expect(bytes).toBeGreaterThan(300_000);
  });

  it('is one self-contained file: nothing loaded from elsewhere, a CSP that allows no connection', () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    expect(html).not.toMatch(
      /<script[^>]*\ssrc=|<link[^>]*rel=["']?stylesheet|<img[^>]*\ssrc=["']?https?:|@import|@font-face/i,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="icon" href="data:," />']);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(html).toContain('clustrix-lint 0.1.0');
  });
});

describe.skipIf(BROWSER === null)('playground in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir = '';
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'clustrix-lint-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: BROWSER!,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    // No network at all: anything but the page itself and its blob:/data: URLs is a failure.
    const allowed = (url: string) => url.split('#')[0] === PAGE_URL || /^(blob|data):/.test(url);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (allowed(url)) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    context.on('request', (request) => {
      if (!allowed(request.url())) problems.push(`network request: ${request.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  /** A fresh tab on the page with `fragment`, once its check and fix are done. */
  async function open(fragment: string): Promise<Page> {
    await page?.close();
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker: ${m.text()}`)));
    await page.goto(`${PAGE_URL}#${fragment}`);
    await settled();
    return page;
  }

  /** Waits until the newest run has its findings, clean script and diff. */
  async function settled(): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 120_000 });
  }

  /** Does `action` and waits for the run it starts to finish. */
  async function afterRun(action: () => Promise<unknown>): Promise<void> {
    const before = await page.evaluate(() => Number(document.body.dataset.run));
    await action();
    await page.waitForFunction((n) => Number(document.body.dataset.run) > n, before, { timeout: 60_000 });
    await settled();
  }

  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  const pageFindings = () =>
    page.$$eval('li.finding', (items) =>
      items.map((li) => ({
        ruleId: li.dataset.rule,
        severity: li.dataset.severity,
        line: Number(li.dataset.line),
        column: Number(li.dataset.column),
        endLine: Number(li.dataset.endLine),
        endColumn: Number(li.dataset.endColumn),
        message: li.querySelector('.msg')?.textContent,
      })),
    );

  /**
   * Where the overlay draws each line, against where the textarea shows it (its padding box top,
   * plus a line height per line, less its scroll) and where the gutter numbers it: misdrawn
   * highlights land on the wrong text. Returns the lines that are off.
   */
  const misaligned = () =>
    page.evaluate(() => {
      const area = document.getElementById('sql') as HTMLTextAreaElement;
      const style = getComputedStyle(area);
      const lh = parseFloat(style.lineHeight);
      const textTop = area.getBoundingClientRect().top + area.clientTop + parseFloat(style.paddingTop) - area.scrollTop;
      const lines = [...document.querySelectorAll('#overlay-lines .ln')];
      const numbers = [...document.querySelectorAll('#gutter-lines .gl')];
      const off: string[] = [];
      if (lines.length === 0 || lines.length !== numbers.length)
        off.push(`${lines.length} lines, ${numbers.length} numbers`);
      lines.forEach((ln, k) => {
        const n = Number(numbers[k]?.textContent);
        const want = textTop + (n - 1) * lh;
        const got = ln.getBoundingClientRect().top;
        const gutter = numbers[k]!.getBoundingClientRect().top;
        if (Math.abs(got - want) > 0.5 || Math.abs(gutter - want) > 0.5)
          off.push(`line ${n}: ${got} / ${gutter} vs ${want}`);
      });
      return off;
    });

  async function downloaded(button: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync(await download.path(), 'utf8');
  }

  /** The CLI's findings on the sample file, as `check --format json` reports them. */
  function cliFindings(target: string) {
    const r = runCli(['check', 'input.sql', '--format', 'json', '--target', target], { cwd: SAMPLE_DIR });
    expect(r.status).toBe(1);
    return (JSON.parse(r.stdout) as Array<{ findings: Finding[] }>)[0]!.findings.map(shape);
  }

  it('the WSO2-style sample in the fragment gives exactly the CLI findings (rule, place, message)', async () => {
    for (const target of ['xpand-23.09', 'clustrixdb-9.2', 'xpand-5.3']) {
      await open(fragmentFor(SAMPLE, target));
      const cli = cliFindings(target);
      expect(check(SAMPLE, { target }).map(shape)).toEqual(cli);
      expect(cli.length).toBeGreaterThan(5);
      expect(await pageFindings()).toEqual(cli);
      expect(await page.inputValue('#target')).toBe(target);
      expect(await page.textContent('#findings-count')).toBe(String(cli.length));
      // The findings are inline too: each highlighted range holds the text the finding points at.
      const first = check(SAMPLE, { target })[0]!;
      const marked = await page.$$eval('#overlay .mark', (els) => els.map((e) => e.textContent));
      expect(marked).toContain(SAMPLE.slice(first.start, first.end));
      expect(await misaligned()).toEqual([]);
      const lens = await page.$$eval('#overlay .lens', (els) => els.map((e) => e.textContent));
      expect(lens.some((t) => t.startsWith(first.message))).toBe(true);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png') });
  }, 180_000);

  it('gives exactly the CLI clean script and diff, with and without lossy fixes', async () => {
    for (const lossy of [false, true]) {
      await open(fragmentFor(SAMPLE, 'xpand-23.09', lossy));
      expect(await page.isChecked('#lossy')).toBe(lossy);
      const args = ['fix', 'input.sql', '--target', 'xpand-23.09', ...(lossy ? ['--lossy'] : [])];
      const clean = runCli([...args, '-o', '-'], { cwd: SAMPLE_DIR });
      expect(clean.status, clean.stderr).toBe(lossy ? 0 : 1); // 1: error findings are left without lossy fixes
      expect(clean.stdout.length).toBeGreaterThan(1000);
      const diff = runCli([...args, '--diff', '-'], { cwd: SAMPLE_DIR });
      expect(diff.stdout).toMatch(/^Index: input\.sql\n/);
      await page.click('#tab-clean');
      expect(await page.inputValue('#clean')).toBe(clean.stdout);
      expect(await downloaded('#download-clean')).toBe(clean.stdout);
      await page.click('#tab-diff');
      expect(await downloaded('#download-diff')).toBe(diff.stdout);
      expect(await misaligned()).toEqual([]);
      // The diff view starts with the diff's first line, at the top of its box.
      const [boxTop, firstTop] = await page.evaluate(() => [
        document.getElementById('diff')!.getBoundingClientRect().top,
        document.querySelector('#diff-lines .dl')!.getBoundingClientRect().top,
      ]);
      expect(firstTop).toBe(boxTop);
      const drawn = await page.$$eval('#diff-lines .dl', (els) => els.map((e) => e.textContent));
      expect(drawn).toEqual(diff.stdout.replace(/\n$/, '').split('\n').slice(0, drawn.length));
      expect(await page.$$eval('#diff-lines .dl.del', (els) => els.length)).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'playground-diff.png') });
  }, 120_000);

  it('keeps the state in the fragment: target, lossy and the edited script round-trip through a link', async () => {
    await open(fragmentFor(SAMPLE, 'xpand-23.09'));
    await afterRun(() => page.selectOption('#target', 'clustrixdb-9.2'));
    expect(await pageFindings()).toEqual(check(SAMPLE, { target: 'clustrixdb-9.2' }).map(shape));
    await afterRun(() => page.check('#lossy'));
    const edited = 'CREATE INDEX i USING HASH ON t(c);\nLOCK TABLES t WRITE;\n';
    await afterRun(() => page.fill('#sql', edited));
    expect(await pageFindings()).toEqual(check(edited, { target: 'clustrixdb-9.2' }).map(shape));
    const link = page.url();
    expect(new URL(link).hash).toBe(`#${fragmentFor(edited, 'clustrixdb-9.2', true)}`);
    // The link reproduces the case in a new tab.
    await open(new URL(link).hash.slice(1));
    expect(await page.inputValue('#sql')).toBe(edited);
    expect(await page.inputValue('#target')).toBe('clustrixdb-9.2');
    expect(await page.isChecked('#lossy')).toBe(true);
    expect(await pageFindings()).toEqual(check(edited, { target: 'clustrixdb-9.2' }).map(shape));
  }, 120_000);

  it('works with the keyboard: a finding selects its range, F8 walks the findings, a rule link opens its page', async () => {
    await open(fragmentFor(SAMPLE, 'xpand-23.09'));
    const want = check(SAMPLE, { target: 'xpand-23.09' });
    await page.focus('li.finding:nth-child(2) button.goto');
    await page.keyboard.press('Enter');
    const selection = () =>
      page.$eval('#sql', (t) => [(t as HTMLTextAreaElement).selectionStart, (t as HTMLTextAreaElement).selectionEnd]);
    expect(await selection()).toEqual([want[1]!.start, want[1]!.end]);
    expect(await page.textContent('#current-finding')).toContain(want[1]!.message);
    await page.keyboard.press('F8');
    expect(await selection()).toEqual([want[2]!.start, want[2]!.end]);
    await page.keyboard.press('Shift+F8');
    expect(await selection()).toEqual([want[1]!.start, want[1]!.end]);

    // Tabs: arrow keys move between them.
    await page.focus('#tab-findings');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-clean', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#clean')).toBe(true);
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-diff', 'aria-selected')).toBe('true');
    await page.keyboard.press('Home');

    // The rule link opens the rule's page (rules/<id>.md) in a dialog; Escape closes it.
    await page.focus(`li.finding:nth-child(2) a.rule`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#rule-dialog[open]');
    expect(await page.textContent('#rule-title')).toBe(want[1]!.ruleId);
    const headings = await page.$$eval('#rule-doc h3', (els) => els.map((e) => e.textContent));
    expect(headings).toEqual(['Why', 'Incorrect', 'Correct', 'Fix', 'Options', 'When not to use it']);
    expect(await page.textContent('#rule-doc')).toContain('USING HASH');
    expect(page.url()).not.toContain('rule='); // the fragment keeps the script
    await page.screenshot({ path: join(ARTIFACTS, 'playground-rule.png') });
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#rule-dialog')).toBe(false);
  }, 120_000);

  it('a dropped file keeps its BOM and CRLF line ends byte for byte; a bad file is refused as the CLI refuses it', async () => {
    await open(fragmentFor(SAMPLE, 'xpand-23.09'));
    const crlf = '\uFEFF' + SAMPLE.replace(/\n/g, '\r\n');
    const drop = (name: string, bytes: number[]) =>
      page.evaluate(
        ({ name, bytes }) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name));
          const editor = document.getElementById('editor')!;
          editor.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
          editor.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { name, bytes },
      );
    await afterRun(() => drop('dump.sql', [...Buffer.from(crlf, 'utf8')]));
    expect(await page.textContent('#filename')).toBe('dump.sql');
    expect(await pageFindings()).toEqual(check(crlf).map(shape));
    await page.click('#tab-clean');
    const clean = fix(crlf, { filename: 'dump.sql' });
    expect(clean.output).toContain('\r\n');
    expect(await downloaded('#download-clean')).toBe(clean.output);
    await page.click('#tab-diff');
    expect(await downloaded('#download-diff')).toBe(clean.diff);

    const bad = [...Buffer.from('SELECT 1;\nSELECT "', 'utf8'), 0xff, ...Buffer.from('";\n', 'utf8')];
    await drop('bad.sql', bad);
    await page.waitForSelector('#notice:not([hidden])');
    expect(await page.textContent('#notice')).toBe('bad.sql:2:9: invalid UTF-8 byte 0xff');
    expect(await page.textContent('#filename')).toBe('dump.sql'); // the script shown stays
    // The playground takes text; the CLI reads a script as bytes, as the mysql client does
    // (docs/dumps.md): the same byte inside a string literal passes there, and in code it is
    // refused at its place, as the playground refuses it.
    const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-bad-'));
    writeFileSync(join(dir, 'bad.sql'), Buffer.from(bad));
    expect(runCli(['check', 'bad.sql'], { cwd: dir }).status).toBe(0);
    const inCode = [...Buffer.from('SELECT 1;\nSELECT x', 'utf8'), 0xff, ...Buffer.from(';\n', 'utf8')];
    writeFileSync(join(dir, 'code.sql'), Buffer.from(inCode));
    const cli = runCli(['check', 'code.sql'], { cwd: dir });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^code\.sql:2:9: invalid UTF-8 byte 0xff outside a string literal/);
  }, 120_000);

  it('says what is wrong with a bad link or an unreadable script, without a console error', async () => {
    await open('target=nope&sql=@@@');
    expect(await page.textContent('#notice')).toBe(
      "the link's sql= is not valid base64url; the script was not loaded " +
        'Unknown target "nope" in the link; using xpand-23.09.',
    );
    expect(await page.inputValue('#target')).toBe('xpand-23.09');
    const broken = "CREATE TABLE t (a INT);\nINSERT INTO t VALUES ('oops);\n";
    let thrown = '';
    try {
      check(broken, { filename: 'input.sql' });
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).toBe('input.sql:2:23: unterminated string literal');
    await open(fragmentFor(broken, 'xpand-23.09'));
    expect(await page.textContent('#findings-summary')).toContain(thrown);
    expect(await page.$$eval('li.finding', (l) => l.length)).toBe(0);
    expect(await page.textContent('#clean-summary')).toBe('No clean script: the input cannot be checked.');
  }, 60_000);

  // Both corpora (../shared), each file opened as a user opens it: findings and clean script as the
  // library's. The two public files over 500 kB (a 1.9 MB BOM+CRLF data dump, a 2 MB one) are left
  // to the 1 MB test and the BOM+CRLF drop test above, to keep the suite's time in bounds.
  const wso2 = corpusFiles();
  const corpus =
    wso2 === null
      ? []
      : [...wso2, ...sqlFilesIn(join(dirname(wso2[0]!), '..', 'public'))].filter((f) => statSync(f).size <= 500_000);
  it.skipIf(wso2 === null)(
    `every corpus file gives the library's findings and clean script ${wso2 === null ? CORPUS_SKIP_REASON : ''}`,
    async () => {
      expect(corpus.length).toBeGreaterThan(50); // 20 WSO2 scripts and 34 of the 36 public ones
      await open(fragmentFor('SELECT 1;', 'xpand-23.09'));
      for (const file of corpus) {
        const bytes = readFileSync(file);
        const name = file.split('/').pop()!;
        await afterRun(() => page.setInputFiles('#file', { name, mimeType: 'application/sql', buffer: bytes }));
        const sql = bytes.toString('utf8');
        let want: Finding[];
        try {
          want = check(sql, { filename: name });
        } catch (e) {
          // Input the library refuses (an unterminated string, …): the page says the same.
          expect(await page.textContent('#findings-summary'), name).toContain((e as Error).message);
          continue;
        }
        expect(await page.textContent('#findings-count'), name).toBe(String(want.length));
        expect(await pageFindings(), name).toEqual(want.slice(0, 200).map(shape));
        const output = fix(sql, { filename: name }).output;
        if (sql.includes('\r')) {
          // A textarea shows CR LF as LF: the download is what holds the exact bytes.
          await page.click('#tab-clean');
          expect(await downloaded('#download-clean'), name).toBe(output);
          await page.click('#tab-findings');
        } else {
          expect(await page.inputValue('#clean'), name).toBe(output);
        }
      }
    },
    600_000,
  );

  it('stays usable on a 1 MB script: off the main thread, drawing only what is on screen', async () => {
    // A mysqldump-like script: 20 copies of the sample, then LOCK TABLES / INSERT / UNLOCK blocks.
    const parts = Array.from({ length: 20 }, () => SAMPLE);
    let size = parts.reduce((n, p) => n + p.length + 1, 0);
    for (let i = 0; size < 1_050_000; i++) {
      const rows = Array.from(
        { length: 6 },
        (_, k) => `(${i * 6 + k},'/_system/governance/${i}/${k}','it''s; USING HASH',-1)`,
      );
      parts.push(`LOCK TABLES \`REG_LOG\` WRITE;\nINSERT INTO \`REG_LOG\` VALUES ${rows.join(',')};\nUNLOCK TABLES;`);
      size += parts[parts.length - 1]!.length + 1;
    }
    const big = parts.join('\n') + '\n';
    expect(big.length).toBeGreaterThan(1_000_000);
    const want = check(big);
    const clean = fix(big, { filename: 'big.sql' });
    expect(want.length).toBeGreaterThan(2000);

    await open(fragmentFor(SAMPLE, 'xpand-23.09'));
    await afterRun(() =>
      page.setInputFiles('#file', { name: 'big.sql', mimeType: 'application/sql', buffer: Buffer.from(big) }),
    );
    expect(await page.textContent('#findings-count')).toBe(String(want.length));
    // The list shows a page of findings and offers more; the editor draws only its visible lines.
    expect(await pageFindings()).toEqual(want.slice(0, 200).map(shape));
    expect(await page.textContent('#findings-more')).toBe(`Show 200 more (${want.length - 200} not shown)`);
    const drawn = () =>
      page.evaluate(() => ({
        lines: document.querySelectorAll('#overlay-lines .ln').length,
        marks: document.querySelectorAll('#overlay .mark').length,
        firstLine: Number(document.querySelector('#gutter-lines .gl')?.textContent),
      }));
    const top = await drawn();
    expect(top.lines).toBeLessThan(100);
    expect(top.marks).toBeGreaterThan(0);
    expect(top.firstLine).toBe(1);
    // Scrolled to the middle, it draws the lines there, with their findings.
    await page.$eval('#sql', (t) => (t.scrollTop = t.scrollHeight / 2));
    await page.waitForFunction(() => Number(document.querySelector('#gutter-lines .gl')?.textContent) > 1000);
    expect(await misaligned()).toEqual([]);
    const middle = await drawn();
    expect(middle.lines).toBeLessThan(100);
    expect(middle.marks).toBeGreaterThan(0);
    await page.click('#findings-more');
    expect(await page.$$eval('li.finding', (l) => l.length)).toBe(400);
    await page.click('#tab-clean');
    expect(await downloaded('#download-clean')).toBe(clean.output);

    // A change while a run is going ends that run; only the newest text's results are shown.
    const edited = big + '\nLOCK TABLES t WRITE;\n';
    await page.$eval(
      '#sql',
      (t, text) => {
        const area = t as HTMLTextAreaElement;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      },
      edited,
    );
    await page.waitForFunction(() => document.body.dataset.state === 'running');
    await page.selectOption('#target', 'clustrixdb-9.2');
    await settled();
    const final = check(edited, { target: 'clustrixdb-9.2' });
    expect(await page.textContent('#findings-count')).toBe(String(final.length));
    expect(await pageFindings()).toEqual(final.slice(0, 200).map(shape));
    // A 1.4 MB link is still a link.
    expect(new URL(page.url()).hash).toBe(`#${fragmentFor(edited, 'clustrixdb-9.2')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-1mb.png') });
  }, 300_000);
});
