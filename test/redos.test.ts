// No catastrophic backtracking: every regular expression in src/ and rules/ is checked with
// recheck (a ReDoS checker). Literals are found with the TypeScript parser; a `new RegExp(…)`
// must be listed below with the patterns it can build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

/** Patterns that `new RegExp` builds at run time, by file (none today: scanData no longer builds one per delimiter). */
const DYNAMIC: Record<string, Array<{ source: string; flags: string }>> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Found {
  readonly file: string;
  readonly source: string;
  readonly flags: string;
}

function regexesIn(file: string): { literals: Found[]; constructors: number } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const literals: Found[] = [];
  let constructors = 0;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const t = node.text;
      const slash = t.lastIndexOf('/');
      literals.push({ file, source: t.slice(1, slash), flags: t.slice(slash + 1) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      constructors++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, constructors };
}

const files = [...sourceFiles('src'), ...sourceFiles('rules')].sort();
const found = files.map((f) => ({ file: f, ...regexesIn(f) }));

describe('regular expressions are safe from catastrophic backtracking', () => {
  it('finds the expressions (the scan itself works)', () => {
    expect(found.reduce((n, f) => n + f.literals.length, 0)).toBeGreaterThan(20);
  });

  it('every `new RegExp` is listed with the patterns it builds', () => {
    for (const f of found)
      expect(f.constructors > 0, `${f.file}: add its RegExp patterns to DYNAMIC`).toBe(f.file in DYNAMIC);
  });

  const all: Found[] = [
    ...found.flatMap((f) => f.literals),
    ...Object.entries(DYNAMIC).flatMap(([file, list]) => list.map((r) => ({ file, ...r }))),
  ];
  it.each(all.map((r) => [`${r.file}: /${r.source}/${r.flags}`, r] as const))(
    '%s',
    (_name, r) => {
      const result = checkSync(r.source, r.flags);
      const why =
        result.status === 'vulnerable'
          ? `${result.complexity.summary}; attack: ${result.attack.pattern}`
          : result.status;
      expect(result.status, why).toBe('safe');
      // recheck's search takes seconds for a long alternation on a loaded machine.
    },
    60_000,
  );
});
