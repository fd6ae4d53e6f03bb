// The npm package as users get it: `npm pack`, install the tarball into a fresh project, then use
// the library (types checked by tsc) and the bin from there.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { LspClient } from './helpers/lsp-client.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--loglevel=error'], { cwd, encoding: 'utf8' });

describe('npm package', () => {
  let files: string[] = [];
  let project = '';

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'clustrix-lint-pack-'));
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', out], ROOT)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    files = packed[0]!.files.map((f) => f.path).sort();
    project = mkdtempSync(join(tmpdir(), 'clustrix-lint-user-'));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    npm(['install', '--no-audit', '--no-fund', join(out, packed[0]!.filename)], project);
  }, 300_000);

  it('contains only what users need', () => {
    const unexpected = files.filter(
      (f) =>
        !(
          ['package.json', 'README.md', 'LICENSE', 'bin/clustrix-lint.js'].includes(f) ||
          /^dist\/(src|rules)\/.+\.(js|d\.ts|js\.map|d\.ts\.map)$/.test(f) ||
          /^rules\/[a-z-]+\.md$/.test(f) ||
          /^docs\/[a-z-]+\.md$/.test(f)
        ),
    );
    expect(unexpected).toEqual([]);
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('rules/no-unsupported-index-type.md');
    expect(files).toContain('docs/cli.md');
    expect(
      files.some(
        (f) => f.startsWith('test/') || f.startsWith('fixtures/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
    ).toBe(false);
  });

  it('the library works and its types compile with tsc', () => {
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { check, fix, rules, TARGETS, type Finding, type FixResult } from 'clustrix-lint';",
        "const findings: Finding[] = check('CREATE INDEX i USING HASH ON t(c);', { target: 'clustrixdb-9.2' });",
        "const result: FixResult = fix('CREATE INDEX i USING HASH ON t(c);');",
        'console.log(JSON.stringify({ ids: findings.map((f) => f.ruleId), output: result.output, rules: rules.length, targets: TARGETS.length }));',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          types: [],
          outDir: 'out',
        },
        files: ['use.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const run = JSON.parse(
      execFileSync(process.execPath, [join(project, 'out', 'use.js')], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(run).toEqual({
      ids: ['no-unsupported-index-type'],
      output: 'CREATE INDEX i ON t(c);',
      rules: expect.any(Number),
      targets: 11,
    });
  }, 60_000);

  it('clustrix-lint/core works in Node too, and its types compile without @types/node', () => {
    writeFileSync(
      join(project, 'use-core.ts'),
      [
        "import { check, fix, rules, TARGETS, type Finding } from 'clustrix-lint/core';",
        '// No DOM and no Node types: the core needs neither.',
        'declare const console: { log(text: string): void };',
        "const findings: Finding[] = check('CREATE INDEX i USING HASH ON t(c);', { target: 'clustrixdb-9.2' });",
        "const { output, diff } = fix('CREATE INDEX i USING HASH ON t(c);', { filename: 'a.sql' });",
        'console.log(JSON.stringify({ ids: findings.map((f) => f.ruleId), output, diff: diff.split("\\n")[0], rules: rules.length, targets: TARGETS.length }));',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.core.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022'],
          strict: true,
          types: [],
          outDir: 'out',
        },
        files: ['use-core.ts'],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(project, 'tsconfig.core.json')],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const run = JSON.parse(
      execFileSync(process.execPath, [join(project, 'out', 'use-core.js')], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(run).toEqual({
      ids: ['no-unsupported-index-type'],
      output: 'CREATE INDEX i ON t(c);',
      diff: 'Index: a.sql',
      rules: expect.any(Number),
      targets: 11,
    });
  }, 60_000);

  it('a bundler targeting browsers gets the core for both clustrix-lint and clustrix-lint/core', async () => {
    for (const specifier of ['clustrix-lint', 'clustrix-lint/core']) {
      const builtins: string[] = [];
      const result = await build({
        stdin: { contents: `export { check, fix } from '${specifier}';`, resolveDir: project },
        absWorkingDir: project,
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
        plugins: [
          {
            name: 'no-node-builtins',
            setup(b) {
              b.onResolve({ filter: /.*/ }, (args) => {
                if (args.path.startsWith('node:') || builtinModules.includes(args.path.split('/')[0]!)) {
                  builtins.push(args.path);
                  return { errors: [{ text: `Node built-in ${args.path}` }] };
                }
                return undefined;
              });
            },
          },
        ],
      });
      expect(builtins, specifier).toEqual([]);
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs, specifier).toContain('node_modules/clustrix-lint/dist/src/core.js');
      expect(inputs, specifier).not.toContain('node_modules/clustrix-lint/dist/src/index.js');
    }
  }, 120_000);

  it('the bin runs from the installed package', () => {
    writeFileSync(join(project, 'schema.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    const r = spawnSync(
      join(project, 'node_modules', '.bin', 'clustrix-lint'),
      ['check', 'schema.sql', '--format', 'compact'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^schema\.sql:1:16: error no-unsupported-index-type /);
    const explain = spawnSync(join(project, 'node_modules', '.bin', 'clustrix-lint'), ['explain', 'no-xa'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(explain.stdout).toMatch(/^# no-xa\n/);
  });

  it('the language server runs from the installed package (its dependencies came along)', async () => {
    writeFileSync(join(project, 'schema.sql'), 'CREATE INDEX i USING HASH ON t(c);\n');
    const client = new LspClient({ command: join(project, 'node_modules', '.bin', 'clustrix-lint'), cwd: project });
    try {
      await client.initialize([{ uri: pathToFileURL(project).href, name: 'user-project' }]);
      const uri = pathToFileURL(join(project, 'schema.sql')).href;
      await client.open(uri, 'CREATE INDEX i USING HASH ON t(c);\n');
      const p = await client.diagnosticsOf(uri, 1);
      expect(p.diagnostics.map((d) => d.code)).toEqual(['no-unsupported-index-type']);
      // The rule's page is the one shipped in the installed package.
      expect(p.diagnostics[0]!.codeDescription?.href).toBe(
        pathToFileURL(join(project, 'node_modules', 'clustrix-lint', 'rules', 'no-unsupported-index-type.md')).href,
      );
      expect(await client.shutdown()).toBe(0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  }, 120_000);
});
