// CHECK constraints: accepted but never enforced in CREATE TABLE; ALTER TABLE has no CHECK syntax
// (ADD, ALTER, DROP CHECK); MySQL 8's [NOT] ENFORCED is not in the documented syntax.
import { MYSQL8_DDL } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  columnDefinitions,
  createTableLayout,
  defineRule,
  type FixKind,
  isPunct,
  isWord,
  matchParen,
  removalEdit,
  type RuleContext,
  specRemovalEdit,
  type Token,
} from '../src/core/kit.js';

export default defineRule({
  meta: {
    id: 'no-check-constraint',
    description:
      'Report CHECK constraints: ClustrixDB/Xpand accept them in CREATE TABLE but never enforce them, and reject CHECK syntax in ALTER TABLE (ADD, ALTER, DROP CHECK).',
    severity: 'warning',
    fixable: ['safe', 'lossy'],
    statements: ['create_table', 'alter_table'],
    messages: {
      notEnforced:
        'CHECK constraints are accepted but never enforced by {{target}}: rows that violate it will be stored. Enforce it in the application or with a BEFORE trigger.',
      alterCheck:
        'ALTER TABLE … ADD CHECK is not supported by {{target}} (and would not be enforced); the fix (lossy) removes it.',
      enforcedClause:
        '{{clause}} is not in the CHECK syntax documented for {{target}}, which never enforces CHECK constraints anyway; the fix (safe) removes the clause.',
      alterEnforcement:
        'ALTER TABLE … ALTER CHECK … {{clause}} is not supported by {{target}} (no CHECK syntax in ALTER TABLE, and CHECK is never enforced there); the fix ({{kind}}) removes it.',
      alterColumnCheck:
        'CHECK in a column definition of ALTER TABLE is not supported by {{target}} (no CHECK syntax in ALTER TABLE, and it would not be enforced); the fix ({{kind}}) removes the CHECK clause, so the column is added or changed without it.',
      dropCheck:
        'ALTER TABLE … DROP CHECK is not supported by {{target}} (no CHECK syntax in ALTER TABLE); the constraint was never enforced there, so the fix (safe) removes the DROP.',
    },
    source: MYSQL8_DDL.checkEnforced.source,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    // Every CHECK ( … ) of the statement's definitions, with what follows its parentheses.
    const checks: number[] = [];
    if (stmt.kind === 'create_table') {
      for (const def of createTableLayout(stmt).definitions) {
        if (def.kind !== 'check') continue;
        const at = code.findIndex((t, k) => k >= def.from && k < def.to && isWord(t, 'CHECK'));
        if (at >= 0) checks.push(at);
      }
    }
    // Column-level CHECK (expr) in a column definition. In ALTER TABLE (ADD/MODIFY/CHANGE COLUMN)
    // it is CHECK syntax in ALTER TABLE, which the target rejects: the whole clause goes.
    for (const col of columnDefinitions(stmt)) {
      for (let k = col.from + 1; k < col.to; k++) {
        if (!isWord(code[k], 'CHECK') || !isPunct(code[k + 1], '(')) continue;
        if (stmt.kind !== 'alter_table') {
          checks.push(k);
          continue;
        }
        let first = k;
        if (isWord(code[k - 1], 'CONSTRAINT')) first = k - 1;
        else if (isWord(code[k - 2], 'CONSTRAINT') && k - 2 > col.from) first = k - 2;
        const close = matchParen(code, k + 1);
        const clause = enforcement(code, close + 1);
        // NOT ENFORCED: MySQL does not enforce it either, so nothing is lost.
        const kind: FixKind = clause?.not === true ? 'safe' : 'lossy';
        ctx.report({
          messageId: 'alterColumnCheck',
          data: { kind },
          start: code[k]!.start,
          end: code[k]!.end,
          severity: 'error',
          fix: {
            kind,
            title: 'Remove the CHECK clause',
            edits: [removalEdit(ctx.source, code[first]!, clause?.last ?? code[close]!)],
          },
        });
      }
    }
    for (const at of checks.sort((a, b) => a - b)) {
      const clause = enforcement(code, matchParen(code, at + 1) + 1);
      if (clause === null || !clause.not)
        ctx.report({ messageId: 'notEnforced', start: code[at]!.start, end: code[at]!.end });
      if (clause !== null) {
        ctx.report({
          messageId: 'enforcedClause',
          data: { clause: clause.text },
          start: clause.first.start,
          end: clause.last.end,
          fix: {
            kind: 'safe',
            title: `Remove ${clause.text}`,
            edits: [removalEdit(ctx.source, clause.first, clause.last)],
          },
        });
      }
    }
    if (stmt.kind !== 'alter_table') return;
    const layout = alterTableLayout(stmt);
    for (const def of layout.added) {
      if (def.kind !== 'check') continue;
      const spec = layout.specs.find((s) => s.from < def.from && s.to >= def.to) ?? def;
      const kw = code.slice(def.from, def.to).find((t) => isWord(t, 'CHECK'))!;
      ctx.report({
        messageId: 'alterCheck',
        start: kw.start,
        end: kw.end,
        severity: 'error',
        fix: { kind: 'lossy', title: 'Remove ADD CHECK', edits: [specRemovalEdit(ctx.source, stmt, spec)] },
      });
    }
    for (const spec of layout.specs) {
      const first = code[spec.from];
      // ALTER {CHECK | CONSTRAINT} name [NOT] ENFORCED (MySQL 8.0.16 / 8.0.19)
      if (
        isWord(first, 'ALTER') &&
        (isWord(code[spec.from + 1], 'CHECK') || isWord(code[spec.from + 1], 'CONSTRAINT'))
      ) {
        const clause = enforcement(code, spec.from + 3);
        if (clause === null) continue;
        const kind: FixKind = clause.not ? 'safe' : 'lossy';
        report(
          ctx,
          'alterEnforcement',
          first!,
          clause.last,
          kind,
          { clause: clause.text, kind },
          specRemovalEdit(ctx.source, stmt, spec),
        );
      }
      // DROP CHECK name (MySQL 8.0.16)
      if (isWord(first, 'DROP') && isWord(code[spec.from + 1], 'CHECK')) {
        report(ctx, 'dropCheck', first!, code[spec.to - 1]!, 'safe', {}, specRemovalEdit(ctx.source, stmt, spec));
      }
    }
  },
});

function report(
  ctx: RuleContext,
  messageId: string,
  from: Token,
  to: Token,
  kind: FixKind,
  data: Record<string, string>,
  edit: { start: number; end: number; text: string },
): void {
  ctx.report({
    messageId,
    data,
    start: from.start,
    end: to.end,
    severity: 'error',
    fix: { kind, title: messageId === 'dropCheck' ? 'Remove DROP CHECK' : 'Remove ALTER CHECK', edits: [edit] },
  });
}

/** `[NOT] ENFORCED` at code[k], or null. */
function enforcement(
  code: readonly Token[],
  k: number,
): { not: boolean; first: Token; last: Token; text: string } | null {
  if (isWord(code[k], 'ENFORCED')) return { not: false, first: code[k]!, last: code[k]!, text: 'ENFORCED' };
  if (isWord(code[k], 'NOT') && isWord(code[k + 1], 'ENFORCED'))
    return { not: true, first: code[k]!, last: code[k + 1]!, text: 'NOT ENFORCED' };
  return null;
}
