// What SHOW GRANTS says the account may do, enough to know whether it can list every trigger and
// routine of a database (the server hides those it may not see, without an error).
import { SqlSource } from '../core/source.js';
import { identValue, isWord, type Token } from '../core/tokenize.js';
import { isPunct } from '../core/structure.js';

export interface Grant {
  /** Upper case, single spaces: `SELECT`, `SHOW VIEW`, `ALL PRIVILEGES`, … */
  readonly privileges: readonly string[];
  /** `*` for every database; else a database name or LIKE pattern (`shop\_%`). */
  readonly database: string;
  /** `*` for every object of the database; else a table or routine name. */
  readonly object: string;
  /** For `ON PROCEDURE …` / `ON FUNCTION …` grants. */
  readonly routine: boolean;
}

/** Parses the lines of SHOW GRANTS; role grants, PROXY grants and lines it cannot read are left out. */
export function parseGrants(lines: readonly string[]): Grant[] {
  const out: Grant[] = [];
  for (const line of lines) {
    let code: readonly Token[];
    try {
      code = new SqlSource(line).statements[0]?.code ?? [];
    } catch {
      continue;
    }
    if (!isWord(code[0], 'GRANT')) continue;
    const on = code.findIndex((t) => isWord(t, 'ON'));
    if (on < 0) continue;
    const privileges: string[] = [];
    let words: string[] = [];
    let depth = 0;
    for (const t of code.slice(1, on)) {
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')')) depth--;
      else if (depth === 0 && isPunct(t, ',')) {
        privileges.push(words.join(' '));
        words = [];
      } else if (depth === 0 && t.kind === 'word') words.push(t.text.toUpperCase());
    }
    if (words.length > 0) privileges.push(words.join(' '));
    let k = on + 1;
    let routine = false;
    if (isWord(code[k], 'PROCEDURE') || isWord(code[k], 'FUNCTION') || isWord(code[k], 'PACKAGE')) {
      routine = true;
      k++;
      if (isWord(code[k], 'BODY')) k++;
    } else if (isWord(code[k], 'TABLE')) k++;
    const name = (t: Token | undefined): string | null =>
      t === undefined
        ? null
        : isPunct(t, '*')
          ? '*'
          : t.kind === 'word' || t.kind === 'quotedIdent'
            ? identValue(t)
            : null;
    const first = name(code[k]);
    if (first === null) continue;
    if (isPunct(code[k + 1], '.')) {
      const second = name(code[k + 2]);
      if (second === null) continue;
      out.push({ privileges, database: first, object: second, routine });
    } else {
      // `ON *` and `ON tbl` mean the current database, which SHOW GRANTS never prints; keep them
      // out rather than guess.
      continue;
    }
  }
  return out;
}

/**
 * True when a grant's database (a name, or a LIKE pattern with `%`, `_` and `\` escapes as
 * GRANT writes them) covers `database`; compared case-insensitively.
 */
export function covers(pattern: string, database: string): boolean {
  if (pattern === '*') return true;
  // The pattern as tokens: a literal character, or a wildcard.
  const parts: Array<{ any: boolean; one: boolean; ch: string }> = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) parts.push({ any: false, one: false, ch: pattern[++i]!.toLowerCase() });
    else parts.push({ any: c === '%', one: c === '_', ch: c.toLowerCase() });
  }
  const text = database.toLowerCase();
  // Classic wildcard matching with one backtrack point (linear in practice, never exponential).
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const part = parts[p];
    if (part !== undefined && !part.any && (part.one || part.ch === text[t])) {
      p++;
      t++;
    } else if (part !== undefined && part.any) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (parts[p]?.any === true) p++;
  return p === parts.length;
}

/** True when some grant gives one of `privileges` on every object of `database` (or globally). */
export function allowsOnDatabase(grants: readonly Grant[], database: string, privileges: readonly string[]): boolean {
  return grants.some(
    (g) =>
      !g.routine &&
      g.object === '*' &&
      covers(g.database, database) &&
      g.privileges.some((p) => p === 'ALL' || p === 'ALL PRIVILEGES' || privileges.includes(p)),
  );
}

/** True when some grant gives one of `privileges` on every database. */
export function allowsGlobally(grants: readonly Grant[], privileges: readonly string[]): boolean {
  return grants.some(
    (g) =>
      g.database === '*' &&
      g.object === '*' &&
      g.privileges.some((p) => p === 'ALL' || p === 'ALL PRIVILEGES' || privileges.includes(p)),
  );
}
