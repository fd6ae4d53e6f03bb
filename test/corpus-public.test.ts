// The world's MySQL scripts, not only WSO2's: every file of both corpora (../shared/corpus/wso2 and
// ../shared/corpus/public) checks and fixes without an internal error, fix --lossy leaves nothing it
// could fix and is idempotent, and streaming gives what the whole text gives.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlSyntaxError } from '../src/core/errors.js';
import { check, checkStream, fix } from '../src/index.js';
import { corpusFiles, publicCorpusFiles, PUBLIC_CORPUS_SKIP_REASON } from './helpers/corpus.js';

const wso2 = corpusFiles() ?? [];
const pub = publicCorpusFiles();
const files = [...(pub ?? []), ...wso2];

/**
 * skeema's statement-splitter fixture is not a script anyone loads: the mysql client refuses it
 * too (an unterminated string). It must be refused with a located message, nothing else.
 */
const REFUSED = new Map([
  ['skeema__10b7a895c240__internal_tengo_testdata_statements.sql', /:38:47: unterminated string literal$/],
]);

async function* chunks(text: string): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
}

describe.skipIf(pub === null)(`every corpus file (${PUBLIC_CORPUS_SKIP_REASON.split(' (')[0]} when absent)`, () => {
  it('has the files the MANIFEST lists', () => {
    expect(pub!.length).toBe(36);
  });

  it.each(files.map((f) => [basename(f), f]))(
    '%s: check and fix --lossy run, leave nothing fixable, and fix twice equals once',
    async (name, path) => {
      const sql = readFileSync(path, 'utf8');
      const refused = REFUSED.get(name);
      if (refused !== undefined) {
        expect(() => check(sql, { filename: name })).toThrow(SqlSyntaxError);
        expect(() => check(sql, { filename: name })).toThrow(refused);
        expect(() => fix(sql, { filename: name, lossy: true })).toThrow(refused);
        return;
      }
      const findings = check(sql, { filename: name });
      const fixed = fix(sql, { filename: name, lossy: true });
      // Every fix was applied: none left, none refused by the safety net (suggestions wait to be asked for).
      expect(
        fixed.remaining
          .filter((f) => f.fix !== null && f.fix.kind !== 'suggestion')
          .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.unfixed ?? ''}`),
      ).toEqual([]);
      expect(fix(fixed.output, { filename: name, lossy: true }).output).toBe(fixed.output);
      // The safe fixes alone leave only what needs --lossy or a person.
      const safe = fix(sql, { filename: name });
      expect(safe.remaining.filter((f) => f.fix?.kind === 'safe')).toEqual([]);
      expect(fix(safe.output, { filename: name }).output).toBe(safe.output);
      // Streaming (files over ~1 MB are streamed by the CLI) gives the whole-text findings.
      const key = (f: { ruleId: string; start: number; message: string }) => `${f.ruleId}@${f.start} ${f.message}`;
      expect((await checkStream(chunks(sql), { segmentSize: 256 * 1024 })).map(key)).toEqual(findings.map(key));
    },
  );
});
