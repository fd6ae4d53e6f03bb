// The migration assessment report: its model (statuses, incidental failures, objects, ratings),
// streaming in segments, the renderers' caps and escaping, and the real CLI.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { jsonFinding } from '../src/format/json.js';
import { assessFile } from '../src/report/assess.js';
import { renderHtml } from '../src/report/html.js';
import { LISTED_ON_PAGE, inlineMarkdown, scriptJson } from '../src/report/html-kit.js';
import { MARKDOWN_BUDGET, markdownReport } from '../src/report/markdown.js';
import { excerptOf } from '../src/report/excerpt.js';
import type { FileModel, ReportModel } from '../src/report/model.js';
import { buildReport } from '../src/report/totals.js';
import { databaseName, statementShape } from '../src/core/objects.js';
import { SqlSource } from '../src/core/source.js';
import { rules } from '../rules/index.js';
import { runCli } from './helpers/cli.js';
import { CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';
import { ROOT } from './helpers/paths.js';

const SAMPLE = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
const tmp = () => mkdtempSync(join(tmpdir(), 'clustrix-lint-report-'));
const docs = (id: string) => {
  const p = join(ROOT, 'rules', `${id}.md`);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
};
const OPTIONS = { rules, docs, version: '0.0.0-test', targetName: (id: string) => id };

async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

async function assess(sql: string, segmentSize?: number, target = 'xpand-23.09'): Promise<FileModel> {
  return assessFile(rules, chunks(sql), { filePath: 'in.sql', target, segmentSize });
}

/** The embedded data of a page, as a tool would read it back. */
function embedded(html: string) {
  const m = /<script type="application\/json" id="clustrix-lint-data">([^<]*)<\/script>/.exec(html);
  expect(m, 'the page embeds its data').not.toBeNull();
  return JSON.parse(m![1]!) as {
    target: string | null;
    files: Array<{ filePath: string; error?: string; findings: unknown[]; advice: unknown[]; errorCount: number }>;
    compare?: {
      from: string;
      to: string;
      files: Array<{ appeared: unknown[]; disappeared: unknown[]; changed: unknown[] }>;
    };
  };
}

const CHAIN = `CREATE TABLE geo (id INT PRIMARY KEY, g GEOMETRY NOT NULL);
CREATE INDEX i_geo ON geo (id);
ALTER TABLE geo ADD COLUMN x INT;
CREATE TABLE child (id INT, geo_id INT, FOREIGN KEY (geo_id) REFERENCES geo (id) ON UPDATE CASCADE);
CREATE VIEW v AS SELECT * FROM geo;
CREATE VIEW v2 AS SELECT * FROM v JOIN child ON 1 = 1;
INSERT INTO child VALUES (1, 1);
INSERT INTO child VALUES (2, 1);
CREATE TABLE other (id INT) ENGINE=MyISAM;
CREATE INDEX i USING HASH ON other (id);
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT * FROM geo; END //
DELIMITER ;
DROP TABLE geo;
DROP TABLE IF EXISTS nothing_here;
CREATE TABLE geo (id INT);
INSERT INTO geo VALUES (1);
LOCK TABLES other WRITE;
`;

describe('report model: statement statuses', { timeout: 60_000 }, () => {
  it('a statement that needs a failed CREATE is incidental, transitively; INSERTs are counted per table', async () => {
    const m = await assess(CHAIN);
    const status = Object.fromEntries(m.statements.map((s) => [`${s.line} ${s.label}`, s.status]));
    expect(status).toEqual({
      '1 CREATE TABLE geo': 'person',
      '2 CREATE INDEX on geo': 'incidental',
      '3 ALTER TABLE geo': 'incidental',
      '4 CREATE TABLE child': 'incidental',
      '5 CREATE VIEW v': 'incidental',
      '6 CREATE VIEW v2': 'incidental',
      '9 CREATE TABLE other': 'ok',
      '10 CREATE INDEX on other': 'safe',
      '12 CREATE PROCEDURE p': 'ok',
      '14 DROP TABLE geo': 'incidental',
      '15 DROP TABLE nothing_here': 'ok',
      '16 CREATE TABLE geo': 'ok',
      '18 LOCK TABLES': 'ok',
    });
    // v2 waits for v, which waits for geo.
    const v2 = m.statements.find((s) => s.label === 'CREATE VIEW v2')!;
    expect(m.statements[v2.blockedBy!]!.label).toMatch(/^CREATE VIEW v$|^CREATE TABLE child$/);
    expect(m.dataGroups.map((g) => [g.table, g.count, g.status])).toEqual([
      ['child', 2, 'incidental'],
      ['geo', 1, 'ok'],
    ]);
    expect(m.statementCount).toBe(16);
    expect(m.byStatus).toEqual({ ok: 6, safe: 1, lossy: 0, person: 1, incidental: 8 });
  });

  it('objects: kind, status, complexity and the rule behind it', async () => {
    const m = await assess(CHAIN);
    const objects = Object.fromEntries(
      m.objects.map((o) => [`${o.kind} ${o.name}`, [o.status, o.complexity, o.reason?.ruleId ?? null]]),
    );
    expect(objects).toEqual({
      'table geo': ['person', 'high', 'no-spatial'],
      'table child': ['incidental', 'low', null],
      'view v': ['incidental', 'low', null],
      'view v2': ['incidental', 'low', null],
      'table other': ['safe', 'low', 'no-unsupported-engine'],
      'routine p': ['ok', 'low', null],
    });
    expect(m.complexity).toBe('high');
    expect(m.reason).toMatchObject({ ruleId: 'no-spatial', line: 1, fixability: 'person' });
  });

  it('a lossy fix or an object warning without a fix rates medium; a LOCK TABLES warning alone does not', async () => {
    expect((await assess('CREATE TABLE t (id INT, FULLTEXT KEY f (id));')).complexity).toBe('medium');
    expect((await assess('CREATE TABLE t (id INT NOT NULL DEFAULT NULL);')).complexity).toBe('medium');
    const lock = await assess('LOCK TABLES t WRITE;\nUNLOCK TABLES;\n');
    expect(lock.byFixability.review).toBe(1);
    expect(lock.complexity).toBe('low');
    expect((await assess('CREATE INDEX i USING HASH ON t (c);')).complexity).toBe('low');
  });

  it('the findings are check’s, in its order, with fixes at whole-input offsets, whatever the segment size', async () => {
    const sql =
      readFileSync(SAMPLE, 'utf8') + '\n' + CHAIN.replace(/geo/g, 'geo2').replace(/\bv\b|v2/g, (x) => `${x}_2`);
    const expected = check(sql).map(jsonFinding);
    const whole = await assess(sql);
    const pieces = await assess(sql, 64);
    // Advice is kept apart from the findings, in the same order as check gives it.
    const compatibility = expected.filter((f) => f.category !== 'advice');
    const advice = expected.filter((f) => f.category === 'advice');
    expect(advice.length).toBeGreaterThan(0);
    expect(whole.findings.map((r) => jsonFinding(r.finding))).toEqual(compatibility);
    expect(pieces.findings.map((r) => jsonFinding(r.finding))).toEqual(compatibility);
    expect(whole.advice.map((r) => jsonFinding(r.finding))).toEqual(advice);
    expect(pieces.advice.map((r) => jsonFinding(r.finding))).toEqual(advice);
    // The whole model, excerpts and statuses included, does not depend on how the input was cut.
    expect(pieces).toEqual(whole);
  });

  it.skipIf(corpusFiles() === null)(
    'on the WSO2 corpus, the model from small segments equals the one from the whole text',
    async () => {
      for (const file of corpusFiles()!.slice(0, 6)) {
        const sql = readFileSync(file, 'utf8');
        const whole = await assess(sql);
        const expected = check(sql).map(jsonFinding);
        expect(
          whole.findings.map((r) => jsonFinding(r.finding)),
          file,
        ).toEqual(expected.filter((f) => f.category !== 'advice'));
        expect(
          whole.advice.map((r) => jsonFinding(r.finding)),
          file,
        ).toEqual(expected.filter((f) => f.category === 'advice'));
        expect(await assess(sql, 4096), file).toEqual(whole);
      }
    },
  );
  if (corpusFiles() === null) it.skip(CORPUS_SKIP_REASON, () => {});

  it('memory stays with the schema: 30,000 INSERTs without findings are one counted group', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `INSERT INTO big VALUES (${i}, 'row ${i}');`).join('\n');
    const m = await assess(`CREATE TABLE big (id INT, s VARCHAR(20)) ENGINE=MyISAM;\n${rows}\n`, 64 * 1024);
    expect(m.statementCount).toBe(30_001);
    expect(m.statements).toHaveLength(1);
    expect(m.dataGroups).toEqual([
      { kind: 'insert', table: 'big', count: 30_000, line: 2, status: 'ok', blockedBy: null },
    ]);
  });

  it('a script that cannot be tokenized is a file not assessed, with the located error', async () => {
    const m = await assess("CREATE TABLE t (c INT);\nSELECT 'open;\n");
    expect(m.error).toBe('in.sql:2:8: unterminated string literal');
    expect(m.findings).toEqual([]);
    const model = buildReport([m], OPTIONS);
    expect(model.complexity).toBe('high');
    expect(model.explanation).toMatch(/^1 file could not be read/);
  });
});

describe('report model: excerpts', () => {
  it('an excerpt is the finding’s lines, clipped; the diff shows only the lines the fix changes', () => {
    const text = 'A;\nCREATE INDEX i USING HASH ON t(c);\nC;\n';
    const f = check(text).find((x) => x.ruleId === 'no-unsupported-index-type')!;
    const e = excerptOf(text, f, 1);
    expect(e).toEqual({
      line: 2,
      lines: ['CREATE INDEX i USING HASH ON t(c);'],
      truncated: false,
      diff: {
        line: 2,
        removed: ['CREATE INDEX i USING HASH ON t(c);'],
        added: ['CREATE INDEX i ON t(c);'],
        truncated: false,
      },
    });
    const long = `CREATE TABLE t (c INT) ENGINE=MyISAM COMMENT '${'x'.repeat(600)}';`;
    const g = check(long).find((x) => x.ruleId === 'no-unsupported-engine')!;
    const clipped = excerptOf(long, g, 1);
    expect(clipped.lines[0]!.length).toBe(241);
    expect(clipped.lines[0]!.endsWith('…')).toBe(true);
  });

  it('a fix that removes whole lines has removed lines and none added', () => {
    const text = 'CREATE TABLE t (\n  id INT,\n  FULLTEXT KEY f (id)\n);\n';
    const f = check(text).find((x) => x.ruleId === 'no-fulltext')!;
    const e = excerptOf(text, f, 1);
    expect(e.diff!.added.every((l) => !l.includes('FULLTEXT'))).toBe(true);
    expect(e.diff!.removed.join('\n')).toContain('FULLTEXT KEY f (id)');
  });
});

describe('statement shapes', () => {
  const shape = (sql: string) => statementShape(new SqlSource(sql).statements[0]!);
  it.each([
    ['SELECT * FROM a, `b` x JOIN db.c ON a.id = c.id WHERE 1', ['a', 'b', 'c']],
    ['LOCK TABLES a READ, b WRITE', ['a', 'b']],
    ['INSERT INTO t (x) SELECT y FROM u', ['t', 'u']],
    ['CALL proc(1)', ['proc']],
    [
      'CREATE TABLE t (x INT, y TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, FOREIGN KEY (x) REFERENCES p (id) ON UPDATE CASCADE)',
      ['p'],
    ],
    ['CREATE TABLE t LIKE s', ['s']],
    ['CREATE TRIGGER tr BEFORE INSERT ON tab FOR EACH ROW SET NEW.x = (SELECT 1 FROM other)', ['tab']],
    ['CREATE PROCEDURE p() SELECT * FROM t', []],
    ['DROP TABLE IF EXISTS a, b', []],
  ])('%s needs %j', (sql, names) => {
    expect(shape(sql).uses.map((u) => u.name)).toEqual(names);
  });

  it('what it defines and changes', () => {
    expect(shape('CREATE TABLE IF NOT EXISTS `Db`.`T1` (id INT)').defines).toEqual({
      kind: 'table',
      ns: 'relation',
      name: 'T1',
    });
    expect(shape('CREATE OR REPLACE ALGORITHM=MERGE VIEW v1 AS SELECT 1').defines?.name).toBe('v1');
    expect(shape('CREATE DEFINER=`u`@`%` FUNCTION f() RETURNS INT RETURN 1').defines).toMatchObject({
      kind: 'routine',
      ns: 'function',
      name: 'f',
    });
    expect(shape('CREATE UNIQUE INDEX i ON s.t (c)').subject).toMatchObject({ kind: 'table', name: 't' });
    expect(shape('CREATE TRIGGER tr AFTER UPDATE ON tab FOR EACH ROW BEGIN END').table).toBe('tab');
    expect(databaseName(new SqlSource('CREATE DATABASE IF NOT EXISTS `shop` CHARACTER SET utf8').statements[0]!)).toBe(
      'shop',
    );
    expect(shape('DROP VIEW IF EXISTS v1, v2').drops.map((d) => `${d.kind} ${d.name}`)).toEqual(['view v1', 'view v2']);
  });
});

describe('report rendering', { timeout: 60_000 }, () => {
  const model = async (sql: string, filePath = 'in.sql'): Promise<ReportModel> => {
    const m = await assessFile(rules, chunks(sql), { filePath, target: 'xpand-23.09' });
    return buildReport([m], OPTIONS);
  };

  it('advice is "recommended for Xpand": apart from the incompatibilities, its counts never mixed with theirs', async () => {
    // Two tables without a primary key, a flag leading an index (a suggestion), and one error.
    const sql = [
      'CREATE TABLE audit (at DATETIME NOT NULL, what TEXT);',
      'CREATE TABLE acct (id INT NOT NULL, enabled BOOLEAN, PRIMARY KEY (id), KEY k_on (enabled));',
      'CREATE TABLE geo (id INT PRIMARY KEY, g GEOMETRY NOT NULL);',
      '',
    ].join('\n');
    const found = check(sql);
    const advice = found.filter((f) => f.category === 'advice');
    expect(advice.map((f) => f.ruleId).sort()).toEqual(['prefer-primary-key', 'prefer-selective-distribution-key']);
    const m = await model(sql);
    const t = m.totals;
    expect([t.findings, t.errorCount, t.warningCount, t.infoCount]).toEqual([1, 1, 0, 0]);
    expect([t.adviceCount, t.suggestionCount]).toEqual([2, 1]);
    expect(m.rules.map((r) => r.id)).toEqual(['no-spatial']);
    expect(m.advice.map((r) => r.id).sort()).toEqual(['prefer-primary-key', 'prefer-selective-distribution-key']);
    // Advice sets no status and no complexity: without the spatial column the script is LOW.
    const calm = await model(sql.replace('g GEOMETRY NOT NULL', 'g INT'));
    expect(calm.complexity).toBe('low');
    expect(calm.totals.findings).toBe(0);
    expect(calm.totals.adviceCount).toBe(2);
    expect(calm.files[0]!.statements.every((st) => st.status === 'ok' && st.findings.length === 0)).toBe(true);
    const html = renderHtml(m);
    const name = m.target!.name;
    expect(html).toContain(`<h2 id="advice-h">Recommended for ${name}</h2>`);
    expect(html).toContain('data-count="advice">2<');
    expect(html).toContain('data-count="suggestions">1<');
    expect(html).toContain('data-count="findings">1<');
    // The advice's articles are not among the incompatibilities' (the filter and toggles act on those).
    const rulesSection = html.slice(html.indexOf('<section id="rules"'), html.indexOf('<section id="advice"'));
    expect(rulesSection).not.toContain('prefer-');
    expect(html.match(/<article class="advice"/g)).toHaveLength(2);
    const data = embedded(html);
    expect(data.files[0]!.findings).toHaveLength(1);
    expect(data.files[0]!.advice).toHaveLength(2);
    expect(data.files[0]).toMatchObject({ errorCount: 1, infoCount: 0, adviceCount: 2, suggestionCount: 1 });
    const md = markdownReport(m);
    expect(md).toContain(`**Recommended for ${name}:** 2 recommendations, 1 suggestion among them`);
    expect(md).toContain(`### Recommended for ${name}`);
    expect(md).toMatch(/\| <code>prefer-selective-distribution-key<\/code> \| 1 \| 1 \|/);
    expect(md).toMatch(/\| 1 \| 1 \| 0 \| 0 \|/); // findings, errors, warnings, info: no advice in them
  });

  it('embedded JSON cannot end the script element or open a comment, and parses back to the same value', () => {
    const value = { a: '</script><!-- x -->', b: '\u2028\u2029 & <b>', c: [1, null] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('rule-page markdown: HTML is escaped, only https links become links', () => {
    expect(inlineMarkdown('a <b> `c<d>` **e** [f](https://x.test/y) [g](javascript:alert(1)) <https://z.test/>')).toBe(
      'a &lt;b&gt; <code>c&lt;d&gt;</code> <strong>e</strong> <a href="https://x.test/y" rel="noreferrer">f</a> [g](javascript:alert(1)) <a href="https://z.test/" rel="noreferrer">https://z.test/</a>',
    );
  });

  it('rule-page markdown: unclosed marks stay text, however many', () => {
    const hostile = '[[](https://'.repeat(20_000) + '`**<https://';
    const html = inlineMarkdown(hostile);
    expect(html).not.toContain('<a ');
    expect(html).toBe(hostile.replace(/</g, '&lt;'));
  });

  it('a page loads nothing from anywhere: no src or href to fetch, and a policy that forbids it', async () => {
    const html = renderHtml(await model(readFileSync(SAMPLE, 'utf8')));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/);
  });

  it('hostile text in the script stays text: names with </script> and <!-- in messages and excerpts', async () => {
    const sql =
      "CREATE TABLE t (c VARCHAR(9) COLLATE `</script><!--x`) ENGINE=MyISAM COMMENT '</script><img src=x>';\n";
    const html = renderHtml(await model(sql, 'a<b>.sql'));
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--x');
    const data = embedded(html);
    expect(data.files[0]!.filePath).toBe('a<b>.sql');
    expect(data.files[0]!.findings).toEqual(
      check(sql)
        .map(jsonFinding)
        .filter((f) => f.category !== 'advice'),
    );
    expect(data.files[0]!.advice).toEqual(
      check(sql)
        .map(jsonFinding)
        .filter((f) => f.category === 'advice'),
    );
  });

  it('a 600-finding file gives a page of bounded size: groups, occurrences and excerpts are capped', async () => {
    const tables = Array.from(
      { length: 300 },
      (_, i) => `CREATE TABLE t${i} (id INT, c${i} VARCHAR(10) COLLATE utf8mb4_0900_ai_ci) ENGINE=MyISAM;`,
    ).join('\n');
    const m = await model(tables);
    expect(m.totals.findings).toBe(600);
    const html = renderHtml(m);
    const excerpts = (html.match(/<pre class="code"/g) ?? []).length;
    // At most LISTED_ON_PAGE.excerpts per message group shown, of at most LISTED_ON_PAGE.groups per rule.
    expect(excerpts).toBeLessThanOrEqual(2 * LISTED_ON_PAGE.groups * LISTED_ON_PAGE.excerpts);
    expect(excerpts).toBeGreaterThan(0);
    const visible = html
      .split('<ol class="occ">')
      .slice(1)
      .map((s) => (s.split('</ol>')[0]!.match(/<li>/g) ?? []).length);
    expect(Math.max(...visible)).toBeLessThanOrEqual(LISTED_ON_PAGE.occurrences);
    expect(html.length).toBeLessThan(1_500_000);
    expect(embedded(html).files[0]!.findings).toHaveLength(600);
  });

  it('markdown stays under the comment budget and says what it left out', async () => {
    const tables = Array.from(
      { length: 1500 },
      (_, i) => `CREATE TABLE t${i} (id INT) ENGINE=MyISAM COLLATE=utf8mb4_0900_ai_ci;`,
    ).join('\n');
    const m = await model(tables);
    const md = markdownReport(m);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(md).toMatch(/^\| 3,000 \| 1,500 \| 1,500 \| 0 \|/m);
    expect(md).not.toMatch(/More occurrences are left out/);
    // With less room, the occurrence lists go first, and the comment says so.
    const short = markdownReport(m, 4000);
    expect(short.length).toBeLessThan(4000 + 400);
    expect(short).toMatch(/More occurrences are left out/);
    expect(short).toContain('| 3,000 | 1,500 | 1,500 | 0 |');
  });

  it('table sizes (a live database gives them) show beside the objects, in words and exact in data-bytes', async () => {
    const m = await model('CREATE TABLE t (id INT) ENGINE=MyISAM;');
    const file = m.files[0]!;
    const sized = {
      ...m,
      files: [{ ...file, objects: file.objects.map((o) => ({ ...o, size: { rows: 12345, bytes: 6789012 } })) }],
    };
    const html = renderHtml(sized);
    expect(html).toContain('<th scope="col" class="n">rows (estimate)</th><th scope="col" class="n">size</th>');
    expect(html).toContain('<td class="n" data-rows="12345">12,345</td>');
    expect(html).toContain('<td class="n" data-bytes="6789012" title="6,789,012 bytes">6.5 MiB</td>');
  });
});

// These run the real CLI several times each: give them room on a loaded machine.
describe('clustrix-lint report (the CLI)', { timeout: 120_000 }, () => {
  it('writes one HTML file with -o, exits 0, leaves the input alone and embeds check --format json’s findings', () => {
    const dir = tmp();
    const out = join(dir, 'report.html');
    const before = readFileSync(SAMPLE);
    const r = runCli(['report', SAMPLE, '-o', out]);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const json = JSON.parse(runCli(['check', SAMPLE, '--format', 'json']).stdout) as Array<{ findings: unknown[] }>;
    expect(embedded(html).files.map((f) => f.findings)).toEqual(json.map((f) => f.findings));
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });

  it('markdown goes to standard output with --format markdown, or by the -o name', () => {
    const r = runCli(['report', SAMPLE, '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## Migration assessment for Xpand 23\.09\n/);
    const dir = tmp();
    expect(runCli(['report', SAMPLE, '-o', join(dir, 'r.md')]).status).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe(r.stdout);
  });

  it('reads standard input, also twice over for --compare-targets', () => {
    const sql = readFileSync(SAMPLE, 'utf8');
    const one = runCli(['report', '-', '--stdin-filename', 'db.sql', '-f', 'markdown'], { input: sql });
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('db.sql:15:41');
    const two = runCli(['report', '-', '--compare-targets', 'clustrixdb-9.2,xpand-23.09', '-f', 'markdown'], {
      input: sql,
    });
    expect(two.status).toBe(0);
    expect(two.stdout).toContain('### From ClustrixDB 9.2 to Xpand 23.09');
  });

  it('--compare-targets: what appears, goes away and changes is the difference of the two checks', () => {
    const dir = tmp();
    const out = join(dir, 'cmp.html');
    expect(runCli(['report', SAMPLE, '--compare-targets', 'clustrixdb-7.0,xpand-23.09', '-o', out]).status).toBe(0);
    const data = embedded(readFileSync(out, 'utf8'));
    expect(data.target).toBe('xpand-23.09');
    expect(data.compare).toMatchObject({ from: 'clustrixdb-7.0', to: 'xpand-23.09' });
    type F = {
      ruleId: string;
      messageId: string;
      severity: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      fix: { kind: string } | null;
    };
    const place = (x: F) => `${x.line}:${x.column}:${x.endLine}:${x.endColumn}:${x.ruleId}`;
    const what = (x: F) =>
      `${x.messageId}:${x.severity}:${x.fix?.kind ?? (x.severity === 'error' ? 'person' : 'review')}`;
    const findings = (target: string) =>
      (JSON.parse(runCli(['check', SAMPLE, '--format', 'json', '-t', target]).stdout) as Array<{ findings: F[] }>)[0]!
        .findings;
    const a = new Map(findings('clustrixdb-7.0').map((f) => [place(f), f]));
    const b = new Map(findings('xpand-23.09').map((f) => [place(f), f]));
    const cmp = data.compare!.files[0]! as unknown as {
      appeared: F[];
      disappeared: F[];
      changed: Array<{ from: F; to: F }>;
    };
    expect(cmp.appeared.map(place).sort()).toEqual([...b.keys()].filter((k) => !a.has(k)).sort());
    expect(cmp.disappeared.map(place).sort()).toEqual([...a.keys()].filter((k) => !b.has(k)).sort());
    const changed = [...b.keys()].filter((k) => a.has(k) && what(a.get(k)!) !== what(b.get(k)!));
    expect(cmp.changed.map((x) => place(x.to)).sort()).toEqual(changed.sort());
    // utf8mb4_0900_ai_ci: no close equivalent on ClustrixDB 7.0 (a person), a safe fix on Xpand 23.09.
    expect(cmp.changed.length).toBeGreaterThan(0);
    expect(cmp.changed.every((x) => x.from.ruleId === x.to.ruleId)).toBe(true);
  });

  it.each([
    [['--compare-targets', 'xpand-23.09'], /--compare-targets xpand-23\.09: expected two target ids/],
    [['--compare-targets', 'xpand-23.09,xpand-23.09'], /name two different targets/],
    [['--compare-targets', 'xpand-23.09,xpand-99'], /--compare-targets: unknown target "xpand-99"/],
    [['--compare-targets', 'xpand-6.1,xpand-23.09', '-t', 'xpand-6.1'], /use either --target or --compare-targets/],
    [['-f', 'pdf'], /Invalid values/],
  ])('usage error %j: exit 2, one line, nothing written', (extra, message) => {
    const dir = tmp();
    const out = join(dir, 'r.html');
    const r = runCli(['report', SAMPLE, '-o', out, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a file that cannot be read is reported as not assessed; the others are assessed; exit 0', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.sql'), 'CREATE INDEX i USING HASH ON t (c);\n');
    writeFileSync(join(dir, 'bad.sql'), "CREATE TABLE t (c INT);\nSELECT 'open;\n");
    const out = join(dir, 'r.html');
    const r = runCli(['report', dir, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^clustrix-lint: not assessed: .*bad\.sql:2:8: unterminated string literal\n$/);
    const data = embedded(readFileSync(out, 'utf8'));
    const byName = Object.fromEntries(data.files.map((f) => [f.filePath.replace(/.*[/\\]/, ''), f]));
    expect(byName['bad.sql']!.error).toMatch(/bad\.sql:2:8: unterminated string literal$/);
    expect(byName['good.sql']!.errorCount).toBe(1);
    const md = runCli(['report', dir, '-f', 'markdown']);
    expect(md.stdout).toMatch(/> \*\*Not assessed:\*\* .*bad\.sql:2:8: unterminated string literal/);
  });

  it('an output that cannot be written is a one-line error (exit 2)', () => {
    const r = runCli(['report', SAMPLE, '-o', join(tmp(), 'no', 'such', 'dir', 'r.html')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^clustrix-lint: .*r\.html: cannot write/);
  });

  it('is listed in --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/^ {2}clustrix-lint report\b/m);
  });

  it('docs/report.md: the markdown example is the report of the WSO2 sample, as it is now', () => {
    const page = readFileSync(join(ROOT, 'docs', 'report.md'), 'utf8');
    const block = /<!-- report-example:start -->\n+````markdown\n([\s\S]*?)````\n+<!-- report-example:end -->/.exec(
      page,
    );
    expect(block, 'docs/report.md has the marked markdown example').not.toBeNull();
    const r = runCli(['report', 'fixtures/wso2-sample/input.sql', '--format', 'markdown']);
    const version = (s: string) => s.replace(/clustrix-lint \d+\.\d+\.\d+\S*?(?=\.?\s)/g, 'clustrix-lint VERSION');
    expect(version(block![1]!)).toBe(version(r.stdout));
  });
});
