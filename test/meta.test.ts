// Rule ↔ doc ↔ test ↔ registry parity, and the doc examples run as tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { ruleDocFacts } from '../src/report/docs.js';
import { SqlSource } from '../src/core/source.js';
import { allRules, rules, serverRules } from '../rules/index.js';
import { ROOT } from './helpers/paths.js';

const RULES_DIR = join(ROOT, 'rules');
const HEADINGS = ['Why', 'Incorrect', 'Correct', 'Fix', 'Options', 'When not to use it'];
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

/** The ```sql blocks under one `## heading` of a doc. */
function sqlBlocks(doc: string, heading: string): string[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading + '\n'));
  if (section === undefined) return [];
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('rule registry', () => {
  it('lists every rule file, each list sorted by id, and nothing else', () => {
    const ids = allRules.map((r) => r.meta.id);
    const missing = ruleFiles.filter((f) => !ids.includes(f));
    const extra = ids.filter((id) => !ruleFiles.includes(id));
    expect(missing, `rules/<id>.ts without an entry in rules/index.ts: add one`).toEqual([]);
    expect(extra, `rules/index.ts lists rules without a rules/<id>.ts`).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const list of [rules, serverRules]) {
      const listIds = list.map((r) => r.meta.id);
      expect(listIds).toEqual([...listIds].sort());
    }
  });
});

describe.each(allRules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const docPath = join(RULES_DIR, `${id}.md`);
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';

  it('has a doc, a test file and a source link', () => {
    expect(existsSync(docPath), `rules/${id}.md is missing`).toBe(true);
    expect(existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts is missing`).toBe(true);
    expect(rule.meta.source.url).toMatch(/^https:\/\//);
    expect(readFileSync(join(RULES_DIR, `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
  });

  it('category: advice rules are info by default and fix only with suggestions; suggestions are advice', () => {
    const category = rule.meta.category ?? 'compatibility';
    expect(['compatibility', 'advice']).toContain(category);
    if (category === 'advice') {
      expect(rule.meta.severity, 'advice is counted apart from problems: default info').toBe('info');
      expect(
        rule.meta.fixable.filter((k) => k !== 'suggestion'),
        'advice never fixes by default',
      ).toEqual([]);
      expect(id, 'advice rules are named prefer-*').toMatch(/^prefer-/);
    } else {
      expect(rule.meta.fixable, 'a suggestion is advice').not.toContain('suggestion');
      expect(id).not.toMatch(/^prefer-/);
    }
  });

  it('every message names the target', () => {
    for (const [messageId, text] of Object.entries(rule.meta.messages)) expect(text, messageId).toContain('{{target}}');
  });

  it('doc: title is the id, first paragraph is meta.description, headings in order', () => {
    const lines = doc.split('\n');
    expect(lines[0]).toBe(`# ${id}`);
    expect(doc.split('\n\n')[1]).toBe(rule.meta.description);
    expect([...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(HEADINGS);
  });

  it('doc: Why links the vendor source and says whether the fact is sourced or inferred', () => {
    const why = doc.split(/^## /m).find((s) => s.startsWith('Why\n')) ?? '';
    expect(why).toContain(rule.meta.source.url);
    expect(why).toMatch(/\*\*(sourced|inferred)\*\*/);
    expect(why).toMatch(/Severity: `(error|warning|info)`/);
  });

  it('doc: the report can take its Why paragraph and the passage that says sourced or inferred', () => {
    const facts = ruleDocFacts(doc, rule.meta.source.url);
    expect(facts, 'Why needs a paragraph or item that links meta.source.url and says sourced/inferred').not.toBeNull();
    expect(facts!.why.length).toBeGreaterThan(40);
    expect(facts!.sourceText).toContain(rule.meta.source.url);
    // The page may say more (partly inferred), never something else than meta.source.evidence.
    expect(facts!.evidence).toContain(rule.meta.source.evidence);
  });

  it('doc: Fix names each fix kind the rule declares, or says there is none', () => {
    const fix = doc.split(/^## /m).find((s) => s.startsWith('Fix\n')) ?? '';
    if (rule.meta.fixable.length === 0) expect(fix).toMatch(/No automatic fix/);
    for (const kind of rule.meta.fixable) expect(fix).toContain(`**${kind}**`);
  });

  it('doc: every Incorrect example is reported by the rule, every Correct example is not', () => {
    const incorrect = sqlBlocks(doc, 'Incorrect');
    const correct = sqlBlocks(doc, 'Correct');
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
    // A block may name its target on its first line: `-- target: clustrixdb-8.5`.
    const lint = (sql: string) =>
      lintSource(new SqlSource(sql), [rule], { target: /^-- target: (\S+)/.exec(sql)?.[1] });
    for (const sql of incorrect) expect(lint(sql).length, sql).toBeGreaterThan(0);
    for (const sql of correct)
      expect(
        lint(sql).map((f) => f.message),
        sql,
      ).toEqual([]);
  });
});

describe('docs/rules.md', () => {
  it('lists every rule with a link to its doc', () => {
    const table = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const r of allRules)
      expect(table, r.meta.id).toContain(`| [${r.meta.id}](../rules/${r.meta.id}.md) | ${r.meta.description} |`);
  });
});

describe('docs/configuration.md examples', () => {
  const page = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
  it('the configuration example is a valid config', async () => {
    const { validateConfig } = await import('../src/node/config.js');
    const block = /## Config file[\s\S]*?```json\n([\s\S]*?)```/.exec(page)![1]!;
    const config = validateConfig(JSON.parse(block) as unknown, 'docs/configuration.md', rules);
    expect(config.target).toBe('clustrixdb-9.2');
  });

  it('the suppression example suppresses every finding it contains', async () => {
    const { checkDetailed } = await import('../src/index.js');
    const block = /## Suppressing a finding[\s\S]*?```sql\n([\s\S]*?)```/.exec(page)![1]!;
    const r = checkDetailed(block);
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((s) => s.finding.ruleId).sort()).toEqual([
      'no-lock-tables',
      'no-unsupported-engine',
      'no-unsupported-index-type',
    ]);
  });
});
