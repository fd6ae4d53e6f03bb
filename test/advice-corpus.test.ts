// The advice rules on both corpora: how many recommendations and suggestions each real script
// gets. They must stay few and reasoned — a suggestion on every table is noise — so the numbers
// are pinned: a change that floods users (or silences a rule) fails here and must be argued for.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fix, SqlSyntaxError, type Finding } from '../src/index.js';
import { CORPUS_SKIP_REASON, corpusFiles, publicCorpusFiles } from './helpers/corpus.js';

const wso2 = corpusFiles();
const pub = publicCorpusFiles();
const files = [...(wso2 ?? []), ...(pub ?? [])];
const name = (f: string) =>
  `${basename(dirname(f))}/${basename(f).split('__')[0]}${basename(f).includes('_cluster') ? ' (cluster)' : ''}`;

/** Per file (a short name: corpus and project), per advice rule: the findings; files with none are left out. */
const PINNED: Record<string, Record<string, number>> = {};
const pin = (key: string, counts: Record<string, number>) => {
  PINNED[key] = {
    ...(PINNED[key] ?? {}),
    ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, (PINNED[key]?.[k] ?? 0) + v])),
  };
};
// WSO2: only tables without a primary key (mapping and audit tables), 3–11 per script of 17–248 tables.
for (const [key, n] of [
  ['wso2/carbon-apimgt', 3 + 6 + 8 + 10 + 11 + 4 + 4],
  ['wso2/carbon-apimgt (cluster)', 7 + 3],
  ['wso2/carbon-business-process', 3],
  ['wso2/carbon-identity-framework', 5],
  ['wso2/carbon-kernel', 5 + 5 + 3],
  ['wso2/carbon-kernel (cluster)', 5],
  ['wso2/product-mb', 3],
] as const)
  pin(key, { 'prefer-primary-key': n });
pin('public/Elgg', { 'prefer-selective-distribution-key': 3 });
pin('public/MaxKey', { 'prefer-primary-key': 2 });
pin('public/MongooseIM', { 'prefer-primary-key': 6, 'prefer-distribute-over-partitioning': 1 });
pin('public/cacti', { 'prefer-primary-key': 1 });
pin('public/dbml', { 'prefer-primary-key': 4, 'prefer-selective-distribution-key': 1 });
pin('public/debezium', { 'prefer-primary-key': 39 });
pin('public/magentadesk', { 'prefer-primary-key': 3 });
pin('public/panel', { 'prefer-primary-key': 5 });
// ranger's xa_db.sql: its one keyless table is mysqldump's stand-in for a view, dropped later for the view.
pin('public/shenyu', { 'prefer-primary-key': 1 });
pin('public/toku-qa', { 'prefer-primary-key': 1 });

describe.skipIf(wso2 === null || pub === null)(
  `advice on both corpora (${wso2 === null || pub === null ? CORPUS_SKIP_REASON : `${files.length} files`})`,
  () => {
    const findings = new Map<string, Finding[]>();
    const untokenizable: string[] = [];
    for (const f of files) {
      try {
        findings.set(f, check(readFileSync(f, 'utf8')));
      } catch (e) {
        if (!(e instanceof SqlSyntaxError)) throw e;
        untokenizable.push(basename(f));
      }
    }
    const advice = (f: string) => (findings.get(f) ?? []).filter((x) => x.category === 'advice');

    it('checks every script but the one the tokenizer refuses', () => {
      expect(files).toHaveLength(56);
      expect(untokenizable).toEqual(['skeema__10b7a895c240__internal_tengo_testdata_statements.sql']);
    });

    it('gives exactly the pinned recommendations per script and rule', () => {
      const counts: Record<string, Record<string, number>> = {};
      for (const f of files) {
        for (const x of advice(f)) {
          const key = name(f);
          counts[key] ??= {};
          counts[key][x.ruleId] = (counts[key][x.ruleId] ?? 0) + 1;
        }
      }
      expect(counts).toEqual(PINNED);
    });

    it('totals: 152 recommendations on about 2,850 tables, 5 of them suggestions, no AUTO_UNIQUE', () => {
      const all = files.flatMap(advice);
      const byRule: Record<string, number> = {};
      for (const x of all) byRule[x.ruleId] = (byRule[x.ruleId] ?? 0) + 1;
      expect(byRule).toEqual({
        'prefer-primary-key': 147,
        'prefer-selective-distribution-key': 4,
        'prefer-distribute-over-partitioning': 1,
      });
      expect(all.filter((x) => x.fix?.kind === 'suggestion')).toHaveLength(5);
      // Advice is info and never counted as a problem; the compatibility findings are untouched.
      expect(all.every((x) => x.severity === 'info')).toBe(true);
      // No script gets recommendations on as many as half its tables (debezium's 39 of 92 toy tables
      // without keys are the most; WSO2's at most 11 of 177).
      for (const f of files) {
        const tables = (readFileSync(f, 'utf8').match(/\bcreate\s+(?:temporary\s+)?table\b/gi) ?? []).length;
        expect(advice(f).length, basename(f)).toBeLessThan(Math.max(2, tables / 2));
      }
    });

    it('every suggestion applies with the lossy fixes, leaves none behind, and the result is stable', () => {
      for (const f of files.filter((x) => advice(x).some((y) => y.fix?.kind === 'suggestion'))) {
        const sql = readFileSync(f, 'utf8');
        const r = fix(sql, { lossy: true, suggestions: true });
        const wanted = advice(f).filter((x) => x.fix?.kind === 'suggestion').length;
        expect(
          r.applied.filter((a) => a.kind === 'suggestion'),
          basename(f),
        ).toHaveLength(wanted);
        expect(
          r.remaining.filter((x) => x.fix !== null),
          basename(f),
        ).toEqual([]);
        expect(fix(r.output, { lossy: true, suggestions: true }).output, basename(f)).toBe(r.output);
        // Without --suggestions the same run applies none and supersedes what the lossy fixes removed.
        const lossy = fix(sql, { lossy: true });
        expect(lossy.applied.filter((a) => a.kind === 'suggestion')).toEqual([]);
        const left = lossy.remaining.filter((x) => x.fix?.kind === 'suggestion').length + lossy.superseded.length;
        expect(left, basename(f)).toBe(wanted);
      }
    });
  },
);
