// The language server's parts without the protocol: positions, disable comments, fix-all edits,
// settings, and the worker pool's cancellation. test/lsp.test.ts drives the whole server over stdio.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { check, fix, type Finding } from '../src/index.js';
import { codeActions, diffEdits, disableEdits, fixAllEdit, wants } from '../src/lsp/actions.js';
import { Analysis } from '../src/lsp/analysis.js';
import { parseSettings } from '../src/lsp/config.js';
import { rulePage } from '../src/lsp/diagnostics.js';
import { CANCELLED, CheckPool } from '../src/lsp/pool.js';
import type { DocumentInput } from '../src/lsp/protocol.js';
import { applyEdits } from '../src/core/edits.js';
import { SqlSource } from '../src/core/source.js';
import { CORPUS_SKIP_REASON, corpusFiles } from './helpers/corpus.js';
import { ROOT } from './helpers/paths.js';

// A loaded machine (2 shared cores) is slow, not wrong: the limits only guard against a hang.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SAMPLE = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
const PUBLIC_DIR = resolve(ROOT, '..', 'shared', 'corpus', 'public');
const corpus = corpusFiles();
const publicCorpus = (() => {
  if (!existsSync(PUBLIC_DIR)) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the public corpus is missing at ${PUBLIC_DIR}`);
    return null;
  }
  return readdirSync(PUBLIC_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(PUBLIC_DIR, f));
})();

const input = (text: string, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  uri: 'untitled:test.sql',
  version: 1,
  text,
  path: null,
  root: null,
  settings: null,
  epoch: 0,
  ...extra,
});
const analyse = (text: string, settings: unknown = null) => new Analysis(input(text, { settings }));
const ABILITIES = { documentChanges: false, resolveEdits: false };
const editsOf = (e: WorkspaceEdit): TextEdit[] => Object.values(e.changes ?? {})[0] ?? [];
const applyLsp = (text: string, edits: TextEdit[]) =>
  TextDocument.applyEdits(TextDocument.create('untitled:x', 'sql', 0, text), edits);
const HASH = 'CREATE INDEX i USING HASH ON t(c);';

describe('diagnostic ranges', () => {
  it('count UTF-16 code units, as LSP does (an emoji is two)', () => {
    const text = `/* 😀 é */ ${HASH}\n`;
    const a = analyse(text);
    expect(a.diagnostics[0]!.range.start).toEqual({ line: 0, character: text.indexOf('USING') });
    expect(text.indexOf('USING')).toBe(Buffer.byteLength(text.slice(0, text.indexOf('USING'))) - 3);
  });

  it("follow the client's line breaks: a lone CR starts a line in LSP", () => {
    const text = `SELECT 1;\r${HASH}\r`;
    const a = analyse(text);
    expect(a.findings[0]!.line).toBe(1); // the engine counts lines at \n only
    expect(a.diagnostics[0]!.range.start).toEqual({ line: 1, character: HASH.indexOf('USING') });
  });

  it('count a BOM the client kept as a character', () => {
    const text = `\ufeff${HASH}\n`;
    const a = analyse(text);
    expect(a.findings[0]!.column).toBe(HASH.indexOf('USING') + 1); // the engine does not count it
    expect(a.diagnostics[0]!.range.start).toEqual({ line: 0, character: HASH.indexOf('USING') + 1 });
  });

  it('link each rule to its shipped page', () => {
    expect(rulePage('no-xa')).toBe(pathToFileURL(join(ROOT, 'rules', 'no-xa.md')).href);
    expect(rulePage('unused-disable-directive')).toBeUndefined();
    expect(analyse(HASH).diagnostics[0]!.codeDescription).toEqual({ href: rulePage('no-unsupported-index-type') });
  });

  it('a finding of the directive checks (no rule page) has no link and no disable action', () => {
    const a = analyse(`-- clustrix-lint-disable-next-line no-such-rule\n${HASH}\n`);
    expect(a.diagnostics.map((d) => [d.code, d.codeDescription])).toEqual([
      ['unknown-rule-in-directive', undefined],
      ['no-unsupported-index-type', { href: rulePage('no-unsupported-index-type') }],
    ]);
    const titles = codeActions(a, a.diagnostics[0]!.range, ['quickfix'], ABILITIES).map((x) => x.title);
    expect(titles.filter((t) => t.includes('unknown-rule-in-directive'))).toEqual([]);
    expect(titles.length).toBe(0);
  });
});

/** Titles and results of the disable edits for the first finding of `rule`. */
function disables(text: string, rule = 'no-unsupported-index-type') {
  const a = analyse(text);
  const f = a.findings.find((x) => x.ruleId === rule)!;
  expect(f, `no ${rule} finding`).toBeDefined();
  return disableEdits(a, f).map((d) => ({ title: d.title.replace(` ${rule}`, ''), text: applyEdits(text, [d.edit]) }));
}

describe('disable comments', () => {
  it('go on their own line above (indented like it), at the end of the line, or at the top of the file', () => {
    const text = `CREATE TABLE t (c INT);\n  ${HASH}\n`;
    expect(disables(text)).toEqual([
      {
        title: 'Disable for this line',
        text: `CREATE TABLE t (c INT);\n  -- clustrix-lint-disable-next-line no-unsupported-index-type\n  ${HASH}\n`,
      },
      {
        title: 'Disable for this line (comment at the end of the line)',
        text: `CREATE TABLE t (c INT);\n  ${HASH} -- clustrix-lint-disable-line no-unsupported-index-type\n`,
      },
      {
        title: 'Disable for the entire file',
        text: `-- clustrix-lint-disable-file no-unsupported-index-type\nCREATE TABLE t (c INT);\n  ${HASH}\n`,
      },
    ]);
  });

  it('keep CRLF line endings and a BOM in place', () => {
    const text = `\ufeff${HASH}\r\nSELECT 1;\r\n`;
    const [above, end, file] = disables(text).map((d) => d.text);
    expect(above).toBe(
      `\ufeff-- clustrix-lint-disable-next-line no-unsupported-index-type\r\n${HASH}\r\nSELECT 1;\r\n`,
    );
    expect(end).toBe(`\ufeff${HASH} -- clustrix-lint-disable-line no-unsupported-index-type\r\nSELECT 1;\r\n`);
    expect(file).toBe(`\ufeff-- clustrix-lint-disable-file no-unsupported-index-type\r\n${HASH}\r\nSELECT 1;\r\n`);
  });

  it('are not put where they would land inside a string, a comment or an executable comment', () => {
    // The line ends inside a string: only above and file-wide.
    const inString = "CREATE TABLE t (c INT) ENGINE=MyISAM COMMENT='two\nlines';\n";
    expect(disables(inString, 'no-unsupported-engine').map((d) => d.title)).toEqual([
      'Disable for this line',
      'Disable for the entire file',
    ]);
    // The line starts inside a block comment: no line above.
    const inComment = `/* a comment\n   over two lines */ ${HASH}\n`;
    expect(disables(inComment).map((d) => d.title)).toEqual([
      'Disable for this line (comment at the end of the line)',
      'Disable for the entire file',
    ]);
    // Behind a -- or # comment the directive would be part of that comment.
    for (const tail of [' -- a note', ' # a note']) {
      expect(disables(`${HASH}${tail}\n`).map((d) => d.title)).toEqual([
        'Disable for this line',
        'Disable for the entire file',
      ]);
    }
    // Inside an executable comment spanning lines: not above; at the end, after the comment closed.
    const exec = '/*!50100 CREATE TABLE t (c INT)\n  ENGINE=MyISAM */;\n';
    const d = disables(exec, 'no-unsupported-engine');
    expect(d.map((x) => x.title)).toEqual([
      'Disable for this line (comment at the end of the line)',
      'Disable for the entire file',
    ]);
    expect(d[0]!.text).toBe(
      '/*!50100 CREATE TABLE t (c INT)\n  ENGINE=MyISAM */; -- clustrix-lint-disable-line no-unsupported-engine\n',
    );
    expect(check(d[0]!.text).filter((f) => f.ruleId === 'no-unsupported-engine')).toEqual([]);
  });

  it('add the rule to a directive already there, keeping its reason', () => {
    const above = `-- clustrix-lint-disable-next-line no-lock-tables -- replayed under a lock\n${HASH}\n`;
    expect(disables(above)[0]!.text).toBe(
      `-- clustrix-lint-disable-next-line no-lock-tables, no-unsupported-index-type -- replayed under a lock\n${HASH}\n`,
    );
    const sameLine = `${HASH} /* clustrix-lint-disable-line no-lock-tables */\n`;
    expect(disables(sameLine)[1]!.text).toBe(
      `${HASH} /* clustrix-lint-disable-line no-lock-tables, no-unsupported-index-type */\n`,
    );
    const fileWide = `# clustrix-lint-disable-file no-xa\n${HASH}\n`;
    expect(disables(fileWide)[2]!.text).toBe(
      `# clustrix-lint-disable-file no-xa, no-unsupported-index-type\n${HASH}\n`,
    );
    for (const t of [above, sameLine, fileWide]) {
      for (const d of disables(t)) expect(check(d.text), d.text).toEqual([]);
    }
  });

  const samples = [SAMPLE, ...(corpus ?? [])];
  it.skipIf(corpus === null)(
    'on the sample and every WSO2 corpus file: each one silences exactly its findings and changes nothing else',
    () => {
      if (corpus === null) console.warn(CORPUS_SKIP_REASON);
      let tried = 0;
      for (const file of samples) {
        const text = readFileSync(file, 'utf8');
        const a = new Analysis(input(text));
        const statements = a.source.statements.length;
        const seen = new Set<string>();
        const key = (f: Finding) => `${f.ruleId} ${f.messageId} ${f.message}`;
        for (const f of a.findings) {
          if (seen.has(`${f.ruleId}:${f.line}`) || seen.size >= 6) continue;
          seen.add(`${f.ruleId}:${f.line}`);
          for (const d of disableEdits(a, f)) {
            const after = applyEdits(text, [d.edit]);
            const fileWide = d.title.endsWith('entire file');
            const kept = a.findings.filter((g) => g.ruleId !== f.ruleId || (!fileWide && g.line !== f.line));
            const left = check(after);
            expect(left.map(key), `${file}: ${d.title} at line ${f.line}`).toEqual(kept.map(key));
            expect(new SqlSource(after).statements.length).toBe(statements);
            tried++;
          }
        }
      }
      expect(tried).toBeGreaterThan(100);
    },
    300_000,
  );
});

describe('fix all', () => {
  const sameAsFix = (file: string, lossy: boolean) => {
    const text = readFileSync(file, 'utf8');
    const a = new Analysis(input(text));
    if (!a.checked) return 'not checked';
    let want: ReturnType<typeof fix>;
    try {
      want = fix(text, { lossy });
    } catch {
      expect(() => fixAllEdit(a, lossy, ABILITIES), file).toThrow();
      return 'refused';
    }
    expect(applyLsp(text, editsOf(fixAllEdit(a, lossy, ABILITIES))), `${file} lossy=${lossy}`).toBe(want.output);
    return want.applied.some((x) => x.pass > 1) ? 'passes' : 'one pass';
  };

  it('gives exactly what fix() gives on the sample', () => {
    expect(sameAsFix(SAMPLE, false)).toBe('one pass');
    expect(sameAsFix(SAMPLE, true)).toBe('one pass');
  });

  it.skipIf(corpus === null)(
    'gives exactly what fix() gives on every WSO2 corpus file, lossy or not',
    () => {
      for (const file of corpus ?? []) for (const lossy of [false, true]) sameAsFix(file, lossy);
    },
    300_000,
  );

  it.skipIf(publicCorpus === null)(
    'gives exactly what fix() gives on every public corpus file (lossy), over several passes too',
    () => {
      const outcomes = (publicCorpus ?? []).map((f) => sameAsFix(f, true));
      expect(outcomes).toContain('passes');
    },
    300_000,
  );

  it('a line diff of any two texts rebuilds the second from the first', () => {
    const text = fc.stringMatching(/^[ab;\n\r]{0,40}$/);
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(applyEdits(before, diffEdits(before, after))).toBe(after);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});

describe('code action kinds', () => {
  it('match a requested kind or one of its parents', () => {
    expect(wants('source.fixAll.clustrix-lint', ['source.fixAll'])).toBe(true);
    expect(wants('source.fixAll.clustrix-lint', ['source'])).toBe(true);
    expect(wants('source.clustrix-lint.fixAllLossy', ['source.fixAll'])).toBe(false);
    expect(wants('quickfix', ['source.fixAll'])).toBe(false);
    expect(wants('quickfix', null)).toBe(true);
    expect(wants('source.fixAllX', ['source.fixAll'])).toBe(false);
  });
});

describe('settings', () => {
  it('take target, rules and lossy; leave other keys alone; null means unset', () => {
    expect(parseSettings(null)).toEqual({ rules: {}, lossy: false });
    expect(
      parseSettings({ target: null, rules: null, lossy: null, trace: { server: 'verbose' }, enable: true }),
    ).toEqual({ rules: {}, lossy: false, target: undefined });
    expect(parseSettings({ target: 'clustrixdb-9.2', rules: { 'no-xa': 'warn' }, lossy: true })).toEqual({
      target: 'clustrixdb-9.2',
      rules: { 'no-xa': 'warning' },
      lossy: true,
    });
  });

  it('reject what the config file rejects, naming the setting', () => {
    expect(() => parseSettings({ target: 'mysql-8' })).toThrow(
      /^settings clustrixLint: target: unknown target "mysql-8"/,
    );
    expect(() => parseSettings({ rules: { 'no-xa': 'loud' } })).toThrow(
      'settings clustrixLint: rules["no-xa"]: severity must be "off", "info", "warn" or "error", not "loud"',
    );
    expect(() => parseSettings({ lossy: 'yes' })).toThrow(
      'settings clustrixLint: lossy: must be true or false, not "yes"',
    );
    expect(() => parseSettings([])).toThrow('settings clustrixLint: must be an object');
  });

  it('override the config file, as command-line flags do', () => {
    const a = analyse(HASH, { target: 'clustrixdb-9.2', rules: { 'no-unsupported-index-type': 'warn' } });
    expect(a.options).toMatchObject({ target: 'clustrixdb-9.2', rules: { 'no-unsupported-index-type': 'warning' } });
    expect(a.findings.map((f) => [f.severity, f.message])).toEqual(
      check(HASH, { target: 'clustrixdb-9.2', rules: { 'no-unsupported-index-type': 'warning' } }).map((f) => [
        f.severity,
        f.message,
      ]),
    );
  });
});

describe('the check worker pool', () => {
  const stub = new URL('./lsp-stub-worker.mjs', import.meta.url);
  const doc = (uri: string, version: number, text: string) => ({
    type: 'diagnostics' as const,
    doc: input(text, { uri, version }),
  });

  it('terminates a worker stuck on a stale version, and the next job runs on a new one', async () => {
    const pool = new CheckPool(stub, () => {});
    const stuck = pool.run(doc('a', 1, 'block'));
    const queued = pool.run(doc('b', 1, 'x'));
    pool.cancelStale('a', 2);
    expect(await stuck).toBe(CANCELLED);
    expect(pool.terminations).toBe(1);
    expect(await queued).toEqual({ version: 1, text: 'x' });
    expect(await pool.run(doc('a', 2, 'y'))).toEqual({ version: 2, text: 'y' });
    await pool.dispose();
  });

  it('drops queued jobs of an older version and keeps the current one', async () => {
    const pool = new CheckPool(stub, () => {});
    const stuck = pool.run(doc('a', 1, 'block'));
    const old = pool.run(doc('b', 1, 'x'));
    const cancelledByClient = pool.run(doc('c', 1, 'z'));
    const current = pool.run(doc('b', 2, 'x2'));
    pool.cancelStale('b', 2);
    pool.cancel((r) => r.type !== 'forget' && r.doc.uri === 'c');
    expect(await old).toBe(CANCELLED);
    expect(await cancelledByClient).toBe(CANCELLED);
    pool.cancelStale('a', Infinity);
    expect(await stuck).toBe(CANCELLED);
    expect(await current).toEqual({ version: 2, text: 'x2' });
    await pool.dispose();
  });

  it('cancels a running job the client gave up on by terminating its worker', async () => {
    const pool = new CheckPool(stub, () => {});
    const stuck = pool.run(doc('a', 1, 'block'));
    pool.cancel((r) => r.type === 'diagnostics' && r.doc.text === 'block');
    expect(await stuck).toBe(CANCELLED);
    expect(pool.terminations).toBe(1);
    expect(await pool.run(doc('a', 1, 'again'))).toEqual({ version: 1, text: 'again' });
    await pool.dispose();
  });

  it('survives a worker that crashes: the job fails, the next one works', async () => {
    const logs: string[] = [];
    const pool = new CheckPool(stub, (m) => logs.push(m));
    await expect(pool.run(doc('a', 1, 'crash'))).rejects.toThrow(/the check worker stopped \(the stub crashed\)/);
    expect(await pool.run(doc('a', 2, 'ok'))).toEqual({ version: 2, text: 'ok' });
    expect(logs.join()).toMatch(/starting a new one/);
    await pool.dispose();
  });
});
