// One set of line numbers in a fix run (issue 24): every finding `fix --lossy` leaves is reported
// where `check` reports it in the input, on every script of both corpora, whether the text is fixed
// whole or streamed in segments; its place in the clean script is `output`, and is right there.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { SqlSyntaxError } from '../src/core/errors.js';
import { FixMap } from '../src/core/fix-map.js';
import { SqlSource } from '../src/core/source.js';
import { check, fix, type Finding } from '../src/index.js';
import { fixStreamWith } from '../src/stream/index.js';
import { runCli } from './helpers/cli.js';
import { corpusFiles, publicCorpusFiles } from './helpers/corpus.js';
import { fakePool } from './helpers/stream.js';

const wso2 = corpusFiles();
const pub = publicCorpusFiles();
const files = wso2 === null || pub === null ? null : [...pub, ...wso2];

const key = (f: Pick<Finding, 'ruleId' | 'messageId' | 'line' | 'column'>) =>
  `${f.ruleId} ${f.messageId} ${f.line}:${f.column}`;

/** What a finding says about where it is, in the input and in the clean script. */
const where = (f: Finding) => ({
  key: key(f),
  start: f.start,
  end: f.end,
  endLine: f.endLine,
  endColumn: f.endColumn,
  output: f.output,
});

async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

describe.skipIf(files === null)('a fix run places its findings in the input (both corpora)', () => {
  it('covers the 56 scripts', () => {
    expect(files).toHaveLength(56);
  });

  it.each((files ?? []).map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const sql = readFileSync(file, 'utf8');
    let checked: Finding[];
    try {
      checked = check(sql);
    } catch (e) {
      if (e instanceof SqlSyntaxError) return; // refused whole by check and fix alike
      throw e;
    }
    const result = fix(sql, { lossy: true });
    const reported = new Set(checked.map(key));
    // Every finding left is one check reports, at the same line and column of the input…
    expect(result.remaining.map(key).filter((k) => !reported.has(k))).toEqual([]);
    for (const f of result.remaining) {
      // …and reads the same text there as in the clean script, where `output` places it.
      expect(f.output).toBeDefined();
      const o = f.output!;
      if (f.end > f.start && o.end > o.start)
        expect(sql.slice(f.start, f.end)).toBe(result.output.slice(o.start, o.end));
    }
    // Applied fixes are in the input too: a first pass's where check reports its finding.
    const at = new Set(checked.map((c) => `${c.ruleId} ${c.line}:${c.column}`));
    const firstPass = result.applied.filter((a) => a.pass === 1).map((a) => `${a.ruleId} ${a.line}:${a.column}`);
    expect(firstPass.filter((k) => !at.has(k))).toEqual([]);
    // The streaming path, cut into many segments, in this thread and in the pool's way, says the same.
    for (const executor of [undefined, fakePool()]) {
      let output = '';
      const streamed = await fixStreamWith(rules, chunks(sql), (t) => void (output += t), {
        lossy: true,
        segmentSize: 4096,
        executor,
      });
      expect(output).toBe(result.output);
      expect(streamed.remaining.map(where)).toEqual(result.remaining.map(where));
      expect(streamed.applied.map((a) => `${a.ruleId} ${a.line}:${a.column}`)).toEqual(
        result.applied.map((a) => `${a.ruleId} ${a.line}:${a.column}`),
      );
    }
  });
});

describe('FixMap: from a fixed text back to the input', () => {
  // input "ab\ncdef\ngh": "cd" (3-5) replaced by "XYZ\nW", "h" (9-10) removed.
  const input = 'ab\ncdef\ngh';
  const output = 'ab\nXYZ\nWef\ng';
  const inSrc = new SqlSource(input);
  const outSrc = new SqlSource(output);
  const map = FixMap.identity(input.length).then(
    [
      { start: 3, end: 5, text: 'XYZ\nW' },
      { start: 9, end: 10, text: '' },
    ],
    output.length,
    (o) => outSrc.locOf(o),
    (o) => inSrc.locOf(o),
  );
  const back = (offset: number, bias: 'start' | 'end') => {
    const loc = outSrc.locOf(offset);
    return map.toInput(offset, loc.line, loc.column, bias);
  };

  it('places text before the edits where it is', () => {
    expect(back(1, 'start')).toEqual({ offset: 1, line: 1, column: 2 });
  });

  it('places text after an edit by what the edit added or removed, its column too on the same line', () => {
    // "ef" follows "W" on line 3, column 2 of the output; in the input it is at line 2, column 3.
    expect(output.slice(8, 10)).toBe('ef');
    expect(back(8, 'start')).toEqual({ offset: 5, line: 2, column: 3 });
    expect(back(10, 'end')).toEqual({ offset: 7, line: 2, column: 5 });
  });

  it('places a position inside inserted text at the edit: a start at its start, an end at its end', () => {
    expect(back(4, 'start')).toEqual({ offset: 3, line: 2, column: 1 });
    expect(back(6, 'end')).toEqual({ offset: 5, line: 2, column: 3 });
  });

  it('at a removal, a start goes after the removed text and an end before it', () => {
    // The end of the output stands where "h" was removed.
    expect(back(12, 'end')).toEqual({ offset: 9, line: 3, column: 2 });
    expect(back(12, 'start')).toEqual({ offset: 10, line: 3, column: 3 });
  });

  it('composes passes: a later pass is placed back through the passes before it', () => {
    // Pass 2 inserts "!!" before "ef", right after pass 1's "W".
    const text2 = output.slice(0, 8) + '!!' + output.slice(8);
    const src2 = new SqlSource(text2);
    const map2 = map.then(
      [{ start: 8, end: 8, text: '!!' }],
      text2.length,
      (o) => src2.locOf(o),
      (o) => inSrc.locOf(o),
    );
    const at = (offset: number) => {
      const loc = src2.locOf(offset);
      return map2.toInput(offset, loc.line, loc.column, 'start');
    };
    expect(at(10)).toEqual({ offset: 5, line: 2, column: 3 });
    // "!!" touches pass 1's inserted text: together they stand for "cd", placed at its start.
    expect(at(9)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(at(12).offset).toBe(7);
  });
});

describe('fix: findings left are placed in the input', () => {
  it('places the findings left after a fix that removes lines before them where check has them', () => {
    const sql = [
      'CREATE TABLE film_text (',
      '  id INT NOT NULL,',
      '  body TEXT,',
      '  PRIMARY KEY (id),',
      '  FULLTEXT KEY ft (body)',
      ') ENGINE=MyISAM;',
      'CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW v AS SELECT id FROM film_text;',
      '',
    ].join('\n');
    const checked = check(sql);
    const result = fix(sql, { lossy: true });
    // The lossy fix removes the FULLTEXT key's line: the view is one line higher in the clean script.
    expect(result.output.split('\n')).toHaveLength(7);
    const view = result.remaining.find((f) => f.ruleId === 'no-unsupported-view-clause');
    expect(view).toBeDefined();
    const same = checked.find((f) => f.ruleId === 'no-unsupported-view-clause')!;
    expect([view!.line, view!.column, view!.start, view!.end]).toEqual([same.line, same.column, same.start, same.end]);
    expect(view!.output!.line).toBe(same.line - 1);
    expect(result.output.slice(view!.output!.start, view!.output!.end)).toBe(sql.slice(same.start, same.end));
  });
});

describe('fix: late findings of a stream (script-wide rules, unused directives) are placed in the input', () => {
  // The FULLTEXT key removed by --lossy sits before the foreign key the script-wide rule reports,
  // inside the same statement, and before the unused directive.
  const sql = [
    'CREATE TABLE parent (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));',
    'CREATE TABLE child (',
    '  id INT PRIMARY KEY,',
    '  body TEXT,',
    '  a INT,',
    '  FULLTEXT KEY ft (body),',
    '  FOREIGN KEY (a) REFERENCES parent (a) ON DELETE CASCADE',
    ') ENGINE=MyISAM;',
    '-- clustrix-lint-disable-next-line no-spatial',
    'CREATE TABLE other (id INT PRIMARY KEY);',
    '',
  ].join('\n');
  const options = { lossy: true, reportUnusedDirectives: 'warning' as const };

  it('gives the lines check gives, streamed (small segments, as the pool runs them) as whole', async () => {
    const checked = new Set(check(sql, options).map(key));
    const whole = fix(sql, options);
    const late = whole.remaining.filter(
      (f) => f.ruleId === 'no-cascade-to-non-unique-key' || f.ruleId === 'unused-disable-directive',
    );
    expect(late.length).toBe(2);
    expect(late.map(key).filter((k) => !checked.has(k))).toEqual([]);
    expect(late.every((f) => f.output!.line < f.line)).toBe(true);
    for (const executor of [undefined, fakePool()]) {
      const streamed = await fixStreamWith(rules, chunks(sql), () => undefined, {
        ...options,
        segmentSize: 64,
        executor,
      });
      expect(streamed.remaining.map(where)).toEqual(whole.remaining.map(where));
    }
  });
});

describe('the CLI: every format of a fix run gives the lines of the input (the built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clustrix-lint-places-'));
  const input = join(dir, 'in.sql');
  // The lossy fix removes line 5: the view (line 7 of the input) is on line 6 of the clean script.
  writeFileSync(
    input,
    [
      'CREATE TABLE film_text (',
      '  id INT NOT NULL,',
      '  body TEXT,',
      '  PRIMARY KEY (id),',
      '  FULLTEXT KEY ft (body)',
      ') ENGINE=MyISAM;',
      'CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW v AS SELECT id FROM film_text;',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'out.sql');
  const view = (text: string) => text.split('\n').filter((l) => l.includes('no-unsupported-view-clause'));

  // Streaming (no --diff) and whole text (--diff) alike.
  it.each([[[]], [['--diff', join(dir, 'x.diff')]]])('extra arguments %j', (extra: string[]) => {
    const fix = (format: string) => runCli(['fix', '--lossy', input, '-o', out, '-f', format, ...extra]).stdout;
    const checked = view(runCli(['check', input, '-f', 'compact']).stdout);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain('in.sql:7:29:');
    expect(view(fix('compact'))).toEqual(checked);
    expect(view(fix('github')).join('')).toContain('line=7,col=29');
    expect(view(fix('junit')).join('')).toContain('at 7:29');
    expect(fix('stylish')).toMatch(/^ +7:29 +warning .*no-unsupported-view-clause$/m);
    const json = JSON.parse(fix('json')) as Array<{ findings: Array<Record<string, unknown>> }>;
    const left = json[0]!.findings.find((f) => f.ruleId === 'no-unsupported-view-clause')!;
    expect(left).toMatchObject({ line: 7, column: 29, output: { line: 6, column: 29 } });
    const sarif = JSON.parse(fix('sarif')) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: object } }> }> }>;
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'no-unsupported-view-clause')!;
    expect(result.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 7, startColumn: 29 });
  });
});
