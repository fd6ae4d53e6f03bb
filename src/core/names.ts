// Names read from a statement's code tokens, once: the one `nameAt` that the structure locators,
// the schema model, the index model and the rules use to read a table, index or routine name
// (possibly qualified, `db`.`t`), and what goes with it (the database a name or a USE names).
import { detach } from './detach.js';
import type { Statement } from './statements.js';
import { identValue, type Token } from './tokenize.js';

/** A name read at some index of a statement's code tokens. */
export interface NameRef {
  /** The name's last part (the object's own name), unquoted, as written. */
  readonly name: string;
  /** The token of that last part. */
  readonly token: Token;
  /** Index of that last part. */
  readonly at: number;
  /** Index just past the name. */
  readonly next: number;
}

/** True when `t` can be (a part of) a name: a word or a quoted identifier. */
export function isName(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === 'word' || t.kind === 'quotedIdent');
}

/**
 * The name at code[k], or null when code[k] (or `k ≥ to`) is not a word or quoted identifier. A
 * qualified name (`db`.`t`, `a`.`b`.`c`) is read to its last part, which is the one returned.
 * The name is detached (see detach.ts): a model that outlives its segment may keep it.
 */
export function nameAt(code: readonly Token[], k: number, to: number = code.length): NameRef | null {
  const first = code[k];
  if (k >= to || !isName(first)) return null;
  let j = k;
  while (j + 2 < to && code[j + 1]!.kind === 'punct' && code[j + 1]!.text === '.' && isName(code[j + 2])) j += 2;
  const token = code[j]!;
  return { name: detach(identValue(token)), token, at: j, next: j + 1 };
}

/** The database of a name whose last part is code[nameAt] (`` `db`.`t` ``), as written; else null. */
export function qualifierOf(code: readonly Token[], nameAt: number): string | null {
  const dot = code[nameAt - 1];
  const q = dot !== undefined && dot.kind === 'punct' && dot.text === '.' ? code[nameAt - 2] : undefined;
  return q === undefined || !isName(q) ? null : identValue(q);
}

/** `use db` / ``USE `db` `` (the mysql client's command): the database named, as written; else null. */
export function useDatabase(stmt: Statement): string | null {
  if (stmt.kind !== 'client_command') return null;
  const m = /^use\s+(`(?:[^`]|``)+`|[^\s;]+)/i.exec(stmt.code[0]?.text ?? '');
  if (m === null) return null;
  return m[1]!.startsWith('`') ? m[1]!.slice(1, -1).replace(/``/g, '`') : m[1]!;
}
