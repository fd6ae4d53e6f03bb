// The language server as an editor uses it: a real LSP client (vscode-languageserver-protocol's
// node connection) talks to `node bin/clustrix-lint.js lsp --stdio`, the built CLI, over stdio.
// Every expectation is computed with the library (check, fix) on the same text. No timing is
// asserted: the tests wait for the server's notifications (with a generous guard against a hang).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { check, fix, SqlSyntaxError, type Finding } from '../src/index.js';
import { runCli } from './helpers/cli.js';
import { BIN, ROOT } from './helpers/paths.js';
import { HANG_GUARD_MS, LspClient, applyEdit } from './helpers/lsp-client.js';

// A loaded machine (2 shared cores) is slow, not wrong: the limits only guard against a hang.
vi.setConfig({ testTimeout: HANG_GUARD_MS, hookTimeout: HANG_GUARD_MS });

const SAMPLE = join(ROOT, 'fixtures', 'wso2-sample', 'input.sql');
const SAMPLE_URI = pathToFileURL(SAMPLE).href;
const SAMPLE_SQL = readFileSync(SAMPLE, 'utf8');
const FIX_ALL = 'source.fixAll.clustrix-lint';
const FIX_ALL_LOSSY = 'source.clustrix-lint.fixAllLossy';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const HASH_INDEX = 'CREATE TABLE t (c INT PRIMARY KEY);\nCREATE INDEX i USING HASH ON t(c);\n';

/** What the server should publish for `f`: our 1-based line/column, end exclusive, as 0-based LSP positions. */
function expected(f: Finding): Partial<Diagnostic> {
  return {
    range: {
      start: { line: f.line - 1, character: f.column - 1 },
      end: { line: f.endLine - 1, character: f.endColumn - 1 },
    },
    severity: { error: 1, warning: 2, info: 3 }[f.severity] as Diagnostic['severity'],
    code: f.ruleId,
    codeDescription: { href: pathToFileURL(join(ROOT, 'rules', `${f.ruleId}.md`)).href },
    source: 'clustrix-lint',
    message: f.message,
  };
}

const messages = (p: PublishDiagnosticsParams) =>
  p.diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('clustrix-lint lsp --stdio', () => {
  let client: LspClient;
  let init: InitializeResult;
  let ws = '';
  const uriOf = (...parts: string[]) => pathToFileURL(join(ws, ...parts)).href;

  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'clustrix-lint-lsp-'));
    writeFileSync(join(ws, '.clustrix-lintignore'), 'ignored/\n');
    mkdirSync(join(ws, 'ignored'));
    mkdirSync(join(ws, 'sub'));
    writeFileSync(join(ws, 'sub', '.clustrix-lint.json'), JSON.stringify({ target: 'clustrixdb-9.2' }));
    client = new LspClient();
    init = await client.initialize([
      { uri: pathToFileURL(ws).href, name: 'tmp' },
      { uri: pathToFileURL(ROOT).href, name: 'clustrix-lint' },
    ]);
  }, HANG_GUARD_MS);

  afterAll(() => {
    if (client.child.exitCode === null) client.kill();
  });

  it('answers initialize with its capabilities and asks for settings and file changes', async () => {
    expect(init).toMatchObject({
      serverInfo: { name: 'clustrix-lint' },
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL, FIX_ALL_LOSSY], resolveProvider: true },
      },
    });
    // It registers for configuration changes and for the config and ignore files, after `initialized`.
    await client.request('client/registerCapability', 2);
    const registrations = client.requests
      .filter((q) => q.method === 'client/registerCapability')
      .flatMap(
        (q) => (q.params as { registrations: Array<{ method: string; registerOptions?: unknown }> }).registrations,
      );
    expect(registrations.map((x) => x.method).sort()).toEqual([
      'workspace/didChangeConfiguration',
      'workspace/didChangeWatchedFiles',
    ]);
    expect(JSON.stringify(registrations)).toContain('**/.clustrix-lintignore');
  });

  it('publishes the findings of check on the WSO2-style sample as diagnostics', async () => {
    await client.open(SAMPLE_URI, SAMPLE_SQL);
    const p = await client.diagnosticsOf(SAMPLE_URI, 1);
    const findings = check(SAMPLE_SQL);
    expect(findings.length).toBe(8);
    expect(codes(p)).toEqual(findings.map((f) => f.ruleId));
    expect(p.diagnostics).toEqual(findings.map(expected));
    expect(messages(p).filter((m) => m.includes('Xpand 23.09')).length).toBe(findings.length);
    for (const d of p.diagnostics) expect(existsSync(fileURLToPath(d.codeDescription!.href))).toBe(true);
  });

  it('fix all safe problems, on save (source.fixAll) and resolved from the menu, gives what fix() gives', async () => {
    const want = fix(SAMPLE_SQL).output;
    expect(want).not.toBe(SAMPLE_SQL);
    const onSave = await client.codeActions(SAMPLE_URI, WHOLE, ['source.fixAll']);
    expect(onSave.map((a) => [a.kind, a.title])).toEqual([[FIX_ALL, 'Fix all safe problems (clustrix-lint)']]);
    expect(applyEdit(SAMPLE_SQL, SAMPLE_URI, onSave[0]!.edit)).toBe(want);
    // Without `only` the client gets it unresolved (a fix run costs) and resolves it when chosen.
    const menu = (await client.codeActions(SAMPLE_URI, WHOLE)).find((a) => a.kind === FIX_ALL)!;
    expect(menu.edit).toBeUndefined();
    const resolved = await client.resolve(menu);
    expect(applyEdit(SAMPLE_SQL, SAMPLE_URI, resolved.edit)).toBe(want);
    // Versioned edits: a client refuses them on a document that changed meanwhile.
    expect(resolved.edit!.documentChanges![0]).toMatchObject({ textDocument: { uri: SAMPLE_URI, version: 1 } });
  });

  it('offers a preferred quick fix per safe finding; applied, it gives what fix() gives', async () => {
    const at = { start: { line: 14, character: 40 }, end: { line: 14, character: 40 } };
    const actions = await client.codeActions(SAMPLE_URI, at, ['quickfix']);
    const quick = actions.filter((a) => a.isPreferred);
    expect(quick.map((a) => a.title)).toEqual(['Remove USING HASH']);
    expect(quick[0]!.diagnostics!.map((d) => d.code)).toEqual(['no-unsupported-index-type']);
    const after = applyEdit(SAMPLE_SQL, SAMPLE_URI, quick[0]!.edit);
    expect(after.split('\n')[14]).toBe(
      'CREATE INDEX REG_PATH_IND_BY_PATH_VALUE ON REG_PATH(REG_PATH_VALUE, REG_TENANT_ID);',
    );
    expect(check(after).length).toBe(check(SAMPLE_SQL).length - 1);

    const uri = uriOf('one.sql');
    await client.open(uri, HASH_INDEX);
    const p = await client.diagnosticsOf(uri, 1);
    expect(codes(p)).toEqual(['no-unsupported-index-type']);
    const [only] = (await client.codeActions(uri, p.diagnostics[0]!.range, ['quickfix'])).filter((a) => a.isPreferred);
    expect(applyEdit(HASH_INDEX, uri, only!.edit)).toBe(fix(HASH_INDEX).output);
    await client.close(uri);
  });

  it('offers ESLint-style disable comments that silence exactly that finding', async () => {
    const at = { start: { line: 15, character: 44 }, end: { line: 15, character: 44 } };
    const disables = (await client.codeActions(SAMPLE_URI, at, ['quickfix'])).filter((a) =>
      a.title.startsWith('Disable'),
    );
    expect(disables.map((a) => a.title)).toEqual([
      'Disable no-unsupported-index-type for this line',
      'Disable no-unsupported-index-type for this line (comment at the end of the line)',
      'Disable no-unsupported-index-type for the entire file',
    ]);
    const [above, endOfLine, file] = disables.map((a) => applyEdit(SAMPLE_SQL, SAMPLE_URI, a.edit));
    expect(above!.split('\n').slice(15, 17)).toEqual([
      '-- clustrix-lint-disable-next-line no-unsupported-index-type',
      'CREATE INDEX REG_PATH_IND_BY_PATH_PARENT_ID USING HASH ON REG_PATH(REG_PATH_PARENT_ID, REG_TENANT_ID);',
    ]);
    expect(endOfLine!.split('\n')[15]).toMatch(
      /REG_TENANT_ID\); -- clustrix-lint-disable-line no-unsupported-index-type$/,
    );
    expect(file!.split('\n')[0]).toBe('-- clustrix-lint-disable-file no-unsupported-index-type');
    const before = check(SAMPLE_SQL).map((f) => f.message);
    for (const text of [above!, endOfLine!]) {
      const left = check(text).map((f) => f.message);
      expect(left.length).toBe(before.length - 1);
      expect(check(text).some((f) => f.ruleId === 'no-unsupported-index-type' && f.line >= 16 && f.line <= 17)).toBe(
        false,
      );
    }
    expect(check(file!).filter((f) => f.ruleId === 'no-unsupported-index-type')).toEqual([]);

    // Applied in the editor: the server sees the change and the finding is gone.
    await client.change(SAMPLE_URI, 2, [{ text: above! }]);
    const p = await client.diagnosticsOf(SAMPLE_URI, 2);
    expect(messages(p)).toEqual(check(above!).map((f) => f.message));
    await client.change(SAMPLE_URI, 3, [{ text: SAMPLE_SQL }]);
    expect(codes(await client.diagnosticsOf(SAMPLE_URI, 3))).toEqual(check(SAMPLE_SQL).map((f) => f.ruleId));
  });

  it('updates diagnostics on incremental edits, and never labels one version with results of another', async () => {
    const uri = uriOf('edit.sql');
    const texts = new Map<number, string>();
    let text = 'CREATE TABLE t (c INT PRIMARY KEY) ENGINE=InnoDB;\n';
    texts.set(1, text);
    await client.open(uri, text);
    expect((await client.diagnosticsOf(uri, 1)).diagnostics).toEqual([]);

    const line = 'CREATE INDEX i USING HASH ON t(c);\n';
    text += line;
    texts.set(2, text);
    await client.change(uri, 2, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: line },
    ]);
    const p2 = await client.diagnosticsOf(uri, 2);
    expect(p2.diagnostics.map((d) => [d.code, d.range.start])).toEqual([
      ['no-unsupported-index-type', { line: 1, character: 15 }],
    ]);

    // A burst of edits, faster than the debounce: the last version's diagnostics arrive.
    for (let v = 3; v <= 8; v++) {
      const add = v % 2 === 0 ? 'LOCK TABLES t WRITE;\n' : `CREATE TABLE u${v} (c INT) ENGINE=MyISAM;\n`;
      const lines = text.split('\n').length - 1;
      text += add;
      texts.set(v, text);
      await client.change(uri, v, [
        { range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: add },
      ]);
    }
    const last = await client.diagnosticsOf(uri, 8);
    expect(messages(last)).toEqual(check(text).map((f) => f.message));
    // Whatever was published on the way, each publish matches the text of the version it names.
    for (const p of client.published.get(uri)!) {
      expect(p.version).toBeDefined();
      expect(messages(p)).toEqual(check(texts.get(p.version!)!).map((f) => f.message));
    }
    await client.close(uri);
    expect((await client.diagnostics(uri, (p) => p.version === undefined)).diagnostics).toEqual([]);
  });

  it('reports a script that does not tokenize as one diagnostic at the error, and recovers', async () => {
    const uri = uriOf('broken.sql');
    const text = "CREATE TABLE t (c INT PRIMARY KEY);\nINSERT INTO t VALUES ('it is not closed);\nSELECT 1;\n";
    let error: SqlSyntaxError | undefined;
    try {
      check(text);
    } catch (e) {
      error = e as SqlSyntaxError;
    }
    expect(error).toBeInstanceOf(SqlSyntaxError);
    await client.open(uri, text);
    const p = await client.diagnosticsOf(uri, 1);
    expect(p.diagnostics.length).toBe(1);
    expect(p.diagnostics[0]).toMatchObject({
      severity: 1,
      source: 'clustrix-lint',
      range: { start: { line: error!.line! - 1, character: error!.column! - 1 } },
    });
    expect(p.diagnostics[0]!.range.start).toEqual({ line: 1, character: 22 });
    expect(p.diagnostics[0]!.message).toMatch(/^Unterminated string literal/);
    expect(await client.codeActions(uri, WHOLE)).toEqual([]);
    const fixed = text.replace('closed);', "closed');");
    await client.change(uri, 2, [{ text: fixed }]);
    expect((await client.diagnosticsOf(uri, 2)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('publishes nothing for a file .clustrix-lintignore matches', async () => {
    const ignored = uriOf('ignored', 'a.sql');
    const kept = uriOf('kept.sql');
    await client.open(ignored, HASH_INDEX);
    await client.open(kept, HASH_INDEX);
    expect(codes(await client.diagnosticsOf(kept, 1))).toEqual(['no-unsupported-index-type']);
    expect((await client.diagnosticsOf(ignored, 1)).diagnostics).toEqual([]);
    expect(await client.codeActions(ignored, WHOLE)).toEqual([]);
    await client.close(ignored);
    await client.close(kept);
  });

  it('uses the nearest .clustrix-lint.json, and re-reads it when the client says it changed', async () => {
    const uri = uriOf('sub', 'b.sql');
    const text = 'CREATE TABLE t (c INT) ENGINE=MyISAM;\n';
    await client.open(uri, text);
    const p = await client.diagnosticsOf(uri, 1);
    expect(messages(p)).toEqual(check(text, { target: 'clustrixdb-9.2' }).map((f) => f.message));
    expect(messages(p).join()).toContain('ClustrixDB 9.2');
    writeFileSync(join(ws, 'sub', '.clustrix-lint.json'), JSON.stringify({ target: 'clustrixdb-8.5' }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('sub', '.clustrix-lint.json'), type: 2 }],
    });
    const q = await client.diagnostics(uri, (x) => messages(x).join().includes('ClustrixDB 8.5'));
    expect(messages(q)).toEqual(check(text, { target: 'clustrixdb-8.5' }).map((f) => f.message));
    writeFileSync(join(ws, 'sub', '.clustrix-lint.json'), '{ "target": "nope" }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('sub', '.clustrix-lint.json'), type: 2 }],
    });
    const bad = await client.diagnostics(uri, (x) => messages(x).join().includes('unknown target'));
    expect(bad.diagnostics.length).toBe(1);
    expect(bad.diagnostics[0]!.message).toMatch(
      /^clustrix-lint cannot check this file: .*\.clustrix-lint\.json: target: unknown target "nope"/,
    );
    await client.close(uri);
  });

  it('takes clustrixLint.target, .rules and .lossy from workspace/configuration', async () => {
    client.settings = (scope) => (scope === SAMPLE_URI ? { target: 'clustrixdb-9.2', trace: { server: 'off' } } : null);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.diagnostics(SAMPLE_URI, (x) => messages(x).join().includes('ClustrixDB 9.2'));
    expect(messages(p)).toEqual(check(SAMPLE_SQL, { target: 'clustrixdb-9.2' }).map((f) => f.message));
    expect(messages(p).join()).not.toContain('Xpand 23.09');

    client.settings = (scope) =>
      scope === SAMPLE_URI
        ? { target: null, rules: { 'no-unsupported-index-type': 'off', 'no-such-rule': 'warn' } }
        : null;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const bad = await client.diagnostics(SAMPLE_URI, (x) => messages(x).join().includes('unknown rule'));
    expect(messages(bad)).toEqual([
      'clustrix-lint cannot check this file: settings clustrixLint: rules["no-such-rule"]: unknown rule',
    ]);

    client.settings = (scope) => (scope === SAMPLE_URI ? { rules: { 'no-unsupported-index-type': 'off' } } : null);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await client.diagnostics(
      SAMPLE_URI,
      (x) => x.diagnostics.length > 1 && !codes(x).includes('no-unsupported-index-type'),
    );
    expect(messages(off)).toEqual(
      check(SAMPLE_SQL, { rules: { 'no-unsupported-index-type': 'off' } }).map((f) => f.message),
    );

    // Lossy fixes are quick fixes only with clustrixLint.lossy, never preferred, and titled as lossy.
    const uri = uriOf('lossy.sql');
    const text = [
      'CREATE TABLE t (id INT PRIMARY KEY, b TEXT, FULLTEXT KEY f (b));',
      'ALTER TABLE t',
      'ADD CONSTRAINT a CHECK (id >= 0),',
      'ADD CONSTRAINT c CHECK (id < 9),',
      'ADD UNIQUE KEY u (id);',
      '',
    ].join('\n');
    client.settings = () => null;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.open(uri, text);
    const found = await client.diagnosticsOf(uri, 1);
    expect(codes(found)).toEqual(['no-fulltext', 'no-check-constraint', 'no-check-constraint']);
    const atFulltext = found.diagnostics[0]!.range;
    const withoutLossy = await client.codeActions(uri, atFulltext);
    expect(withoutLossy.filter((a) => !a.title.startsWith('Disable'))).toEqual([]);

    client.settings = (scope) => (scope === uri ? { lossy: true } : null);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (x) => x !== found);
    const withLossy = await client.codeActions(uri, atFulltext);
    const lossy = withLossy.filter((a) => !a.title.startsWith('Disable'));
    expect(lossy.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Remove the FULLTEXT index (lossy: drops a feature)', 'quickfix', false],
      [
        'Fix all problems clustrix-lint can fix, lossy fixes included (drops features the target lacks)',
        FIX_ALL_LOSSY,
        false,
      ],
    ]);
    expect(applyEdit(text, uri, lossy[0]!.edit)).toBe(text.replace(', FULLTEXT KEY f (b)', ''));
    // Two CHECKs in one ALTER take the fixer two passes: the edit still gives exactly fix()'s output.
    const all = await client.resolve(lossy[1]!);
    expect(fix(text, { lossy: true }).applied.some((x) => x.pass === 2)).toBe(true);
    expect(applyEdit(text, uri, all.edit)).toBe(fix(text, { lossy: true }).output);
    await client.close(uri);
    client.settings = () => null;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(SAMPLE_URI, (x) => codes(x).includes('no-unsupported-index-type'));
  });

  it('offers suggestions as quick fixes that are never preferred and never part of fix-all', async () => {
    const uri = uriOf('advice.sql');
    const text = [
      'CREATE TABLE t (id INT NOT NULL, flag BOOLEAN, PRIMARY KEY (id), KEY k_flag (flag));',
      'CREATE INDEX i USING HASH ON t (id);',
      '',
    ].join('\n');
    await client.open(uri, text);
    const found = await client.diagnosticsOf(uri, 1);
    expect(codes(found)).toEqual(['prefer-selective-distribution-key', 'no-unsupported-index-type']);
    expect(found.diagnostics[0]!.severity).toBe(3);
    const actions = await client.codeActions(uri, found.diagnostics[0]!.range);
    const offered = actions.filter((a) => !a.title.startsWith('Disable'));
    const title =
      'Distribute index k_flag on its first 2 columns (/*$ DISTRIBUTE=2 */) (suggestion: changes behaviour, review it)';
    expect(offered.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      [title, 'quickfix', false],
      ['Fix all safe problems (clustrix-lint)', FIX_ALL, false],
    ]);
    // Applied, the suggestion gives what fix --apply-suggestion gives for it.
    const suggested = fix(text, {
      suggestions: ['prefer-selective-distribution-key'],
      rules: { 'no-unsupported-index-type': 'off' },
    });
    expect(applyEdit(text, uri, offered[0]!.edit)).toBe(suggested.output);
    expect(suggested.output).toContain('KEY k_flag (flag) /*$ DISTRIBUTE=2 */)');
    // Fix-all, on save or chosen, is fix() without suggestions: the index type goes, the suggestion stays.
    const [onSave] = await client.codeActions(uri, WHOLE, [FIX_ALL]);
    const all = applyEdit(text, uri, onSave!.edit);
    expect(all).toBe(fix(text).output);
    expect(all).not.toContain('DISTRIBUTE');
    expect(all).not.toContain('USING HASH');
    await client.close(uri);
  });

  it('shuts down and exits with code 0 on shutdown + exit', async () => {
    await client.close(SAMPLE_URI);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('clustrix-lint lsp with a plainer client', () => {
  // No codeAction/resolve, no versioned edits, no workspace/configuration: settings come from
  // initializationOptions and didChangeConfiguration, fix-all runs as a command.
  const plain: ClientCapabilities = {
    workspace: { applyEdit: true },
    textDocument: {
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    },
  };

  it('takes settings from initializationOptions and didChangeConfiguration, and fixes all through a command', async () => {
    const client = new LspClient();
    try {
      const init = await client.initialize([], plain, { clustrixLint: { target: 'clustrixdb-9.2' } });
      expect(init.capabilities.executeCommandProvider).toEqual({ commands: ['clustrix-lint.fixAll'] });
      await client.open(SAMPLE_URI, SAMPLE_SQL);
      const p = await client.diagnosticsOf(SAMPLE_URI, 1);
      expect(messages(p)).toEqual(check(SAMPLE_SQL, { target: 'clustrixdb-9.2' }).map((f) => f.message));

      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { clustrixLint: { target: 'xpand-6.1' } },
      });
      const q = await client.diagnostics(SAMPLE_URI, (x) => messages(x).join().includes('Xpand 6.1'));
      expect(messages(q)).toEqual(check(SAMPLE_SQL, { target: 'xpand-6.1' }).map((f) => f.message));
      expect(client.requests.filter((r) => r.method === 'workspace/configuration')).toEqual([]);

      const fixAll = (await client.codeActions(SAMPLE_URI, WHOLE)).find((a) => a.kind === FIX_ALL)!;
      expect(fixAll.edit).toBeUndefined();
      expect(fixAll.command?.command).toBe('clustrix-lint.fixAll');
      await client.connection.sendRequest('workspace/executeCommand', {
        command: fixAll.command!.command,
        arguments: fixAll.command!.arguments,
      });
      await client.request('workspace/applyEdit');
      const applied = client.requests.find((r) => r.method === 'workspace/applyEdit')!.params as {
        edit: WorkspaceEdit;
      };
      expect(applied.edit.documentChanges).toBeUndefined();
      expect(applyEdit(SAMPLE_SQL, SAMPLE_URI, applied.edit)).toBe(fix(SAMPLE_SQL, { target: 'xpand-6.1' }).output);

      // A fix-all for a version the document has left is refused, not applied to the new text.
      await client.change(SAMPLE_URI, 2, [{ text: SAMPLE_SQL + '\n' }]);
      await expect(
        client.connection.sendRequest('workspace/executeCommand', {
          command: fixAll.command!.command,
          arguments: fixAll.command!.arguments,
        }),
      ).rejects.toMatchObject({ code: -32801 });
      expect(await client.shutdown()).toBe(0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  });
});

describe('clustrix-lint lsp, the process', () => {
  it('exits by itself when the client goes away without shutdown', async () => {
    const orphan = new LspClient();
    await orphan.initialize([]);
    orphan.child.stdin!.end();
    expect(await orphan.exited).toBe(1);
  });

  it('without --stdio is a usage error (exit 2)', () => {
    const r = runCli(['lsp']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^clustrix-lint: lsp: give --stdio/);
    expect(runCli(['--help']).stdout).toMatch(/^ {2}clustrix-lint lsp\b/m);
  });

  it('check does not load the language server libraries', async () => {
    const loads = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', join(ROOT, 'test', 'load-trace.mjs'), BIN, 'check', SAMPLE], {
        cwd: ROOT,
      });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.stdout.resume();
      child.once('exit', () => resolve(err));
    });
    expect(loads).toContain('/dist/src/commands/lsp.js');
    expect(loads).not.toMatch(/vscode-languageserver|\/dist\/src\/lsp\//);
  });
});
