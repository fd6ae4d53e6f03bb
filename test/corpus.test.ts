// The foundation's promises, measured on the real WSO2 scripts in ../shared/corpus/wso2.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fix } from '../src/index.js';
import { SqlSource } from '../src/core/source.js';
import { CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';

const files = corpusFiles();
const read = (f: string) => readFileSync(f, 'utf8');
const kernel = (files ?? []).filter((f) => basename(f).startsWith('carbon-kernel') && read(f).includes('USING HASH'));

describe.skipIf(files === null)(
  `WSO2 corpus (${files === null ? CORPUS_SKIP_REASON : `${files.length} files`})`,
  () => {
    it('has the 20 scripts', () => {
      expect(files).toHaveLength(20);
    });

    it.each((files ?? []).map((f) => [basename(f), f]))(
      '%s: check and fix (lossy) run, keep every statement, and are idempotent',
      (_name, file) => {
        const sql = read(file);
        check(sql);
        const before = new SqlSource(sql);
        const result = fix(sql, { lossy: true });
        const after = new SqlSource(result.output);
        expect(after.statements.map((s) => s.kind)).toEqual(before.statements.map((s) => s.kind));
        // The one error no fix can take: MB_CONTENT's ON DELETE CASCADE to MB_METADATA (MESSAGE_ID),
        // which is only the first column of its primary key (Xpand needs a unique parent key).
        const unfixable = basename(file).startsWith('product-mb') ? ['no-cascade-to-non-unique-key'] : [];
        expect(result.remaining.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(unfixable);
        expect(fix(result.output, { lossy: true }).output).toBe(result.output);
      },
    );

    it('reports exactly what a ClustrixDB DBA expects on the whole corpus, nothing else', () => {
      // 3 × 19 USING HASH before ON (carbon-kernel) + 3 after the column list (MB);
      // 123 + 239 + 41 ENGINE NDB in the three MySQL Cluster scripts (per the MANIFEST);
      // SET SQL_MODE='ALLOW_INVALID_DATES' in the token-cleanup procedure; the Message Broker's
      // ON DELETE CASCADE to a non-unique parent key; CREATE TABLE … SELECT nested in procedure
      // bodies: six in the token-cleanup procedure (lines 123–324), four in the BPEL cleanup
      // procedures (lines 8, 9, 10, 38).
      // No finding on ENGINE INNODB without =, prefix indexes, latin1_bin, utf8_bin, TIMESTAMP(3), BLOB(1024).
      // Advice (recommendations for Xpand, not incompatibilities) is pinned in advice-corpus.test.ts.
      const counts: Record<string, number> = {};
      for (const f of files!) {
        for (const x of check(read(f))) if (x.category !== 'advice') counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
      }
      expect(counts).toEqual({
        'no-unsupported-index-type': 60,
        'no-unsupported-engine': 403,
        'no-discarded-sql-mode': 1,
        'no-cascade-to-non-unique-key': 1,
        'no-create-table-select': 10,
      });
    });

    it("reports the token-cleanup procedure's six CREATE TABLE … SELECT at their lines, as failing when it is called", () => {
      const cleanup = files!.filter((f) => basename(f).includes('token-cleanup'));
      expect(cleanup).toHaveLength(1);
      const found = check(read(cleanup[0]!)).filter((f) => f.ruleId === 'no-create-table-select');
      expect(found.map((f) => f.line)).toEqual([123, 135, 185, 213, 297, 324]);
      for (const f of found) expect(f.message).toMatch(/In a procedure body: .* when the procedure is called/);
    });

    it('finds the three carbon-kernel scripts with USING HASH', () => {
      expect(kernel).toHaveLength(3);
    });

    it.each(kernel.map((f) => [basename(f), f]))(
      '%s: fix removes all 19 USING HASH and nothing else',
      (_name, file) => {
        const sql = read(file);
        const findings = check(sql).filter((f) => f.ruleId === 'no-unsupported-index-type');
        expect(findings).toHaveLength(19);
        const { output, diff, applied } = fix(sql);
        expect(applied).toHaveLength(19);
        expect(output).not.toMatch(/USING\s+HASH/i);
        // Every other byte identical: the output is the input with exactly " USING HASH" cut out.
        expect(output).toBe(sql.split(' USING HASH').join(''));
        const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
        const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
        expect(removed).toHaveLength(19);
        for (const line of removed) expect(line).toContain('USING HASH');
        expect(added).toEqual(removed.map((l) => '+' + l.slice(1).replace(' USING HASH', '')));
        expect(fix(output).output).toBe(output);
      },
    );

    it('the Message Broker script: the 3 USING HASH after the column list go too', () => {
      const file = files!.find((f) => basename(f).startsWith('product-mb'))!;
      const sql = read(file);
      const { output, applied } = fix(sql);
      expect(applied.map((a) => a.ruleId)).toEqual(Array(3).fill('no-unsupported-index-type'));
      expect(output).toBe(sql.split(' USING HASH').join(''));
    });

    it('CRLF and BOM survive a fix; comments and strings that merely say USING HASH are left alone', () => {
      const file = kernel[0]!;
      const lf =
        read(file) +
        "\n-- CREATE INDEX X USING HASH ON T(C);\nINSERT INTO REG_LOG VALUES ('USING HASH', 'PARTITION BY HASH (x)');\n/* PARTITION BY KEY (id) */\n";
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      const expectedLf = fix(lf).output;
      const r = fix(crlf);
      expect(r.output).toBe('\uFEFF' + expectedLf.replace(/\n/g, '\r\n'));
      expect(r.output.startsWith('\uFEFF')).toBe(true);
      expect(r.output.replace(/\r\n/g, '').includes('\n')).toBe(false);
      expect(r.output).toContain('-- CREATE INDEX X USING HASH ON T(C);\r\n');
      expect(r.output).toContain("VALUES ('USING HASH', 'PARTITION BY HASH (x)')");
      // What is left is advice: the kernel's tables without a primary key.
      expect(check(r.output).filter((f) => f.category !== 'advice')).toEqual([]);
      expect(check(r.output).map((f) => f.ruleId)).toEqual(Array(5).fill('prefer-primary-key'));
    });
  },
);
