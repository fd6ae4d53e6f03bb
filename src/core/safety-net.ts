// The fixer's safety net (see fixer.ts, step 3): the text is cut into units at delimiters and
// DELIMITER commands, and every unit a pass edits is tokenized again on its own. It must hold the
// same statements (of the same kinds) minus those removed whole, every token outside the edits must
// read as before, and a statement node-sql-parser accepted must still parse.
import { emptyLists, ROUTINE_KINDS } from './compound.js';
import { applyEdits } from './edits.js';
import { SqlSyntaxError } from './errors.js';
import { lastAtOrBefore, lowerBound } from './position.js';
import type { Edit } from './rule.js';
import type { SqlSource } from './source.js';
import { parseSql, parseView, splitStatements, type Statement } from './statements.js';
import { tokenize, type Token } from './tokenize.js';

const identity = (n: number): number => n;
const startOf = (x: { readonly start: number }): number => x.start;

/** True when an edit of a fix falls in the unit (the units of a pass contain their edits whole). */
export function overlapsUnit(unit: Unit, e: Edit): boolean {
  return e.start >= unit.from && e.end <= unit.to && (e.start < unit.to || e.start === e.end);
}

/**
 * Where the text may be cut into independently tokenizable units: around every delimiter (outside
 * executable comments) and every DELIMITER command; with the delimiter active at each cut.
 */
export interface Cuts {
  /** Sorted offsets; the text is [0, n) and units run between consecutive cuts. */
  readonly at: number[];
  /** delimiterAt[i] is the delimiter active at at[i]. */
  readonly delimiterAt: string[];
}

export function unitCuts(source: SqlSource, delimiter: string): Cuts {
  const at = [0];
  const delimiterAt = [delimiter];
  let current = delimiter;
  for (const t of source.tokens) {
    if (t.kind === 'delimiter' && t.exec === null) {
      at.push(t.start, t.end);
      delimiterAt.push(current, current);
    } else if (t.kind === 'delimiterCommand') {
      at.push(t.start);
      delimiterAt.push(current);
      current = t.text.slice(9).trim().split(/[ \t]/)[0] ?? current;
      at.push(t.end);
      delimiterAt.push(current);
    }
  }
  at.push(source.text.length);
  delimiterAt.push(current);
  return { at, delimiterAt };
}

/** A stretch of the text between two cuts, with the edits of a pass that fall in it. */
export interface Unit {
  readonly from: number;
  readonly to: number;
  /** The delimiter active at `from`, and at `to` (the edits must leave it so for what follows). */
  readonly delimiter: string;
  readonly endDelimiter: string;
  readonly edits: Edit[];
}

/**
 * The units the edits touch: the stretch between the cuts around each edit; an edit across a cut
 * joins the stretches on both sides, and an insert at a cut belongs to both.
 */
export function units(cuts: Cuts, edits: readonly Edit[]): Unit[] {
  const out: Unit[] = [];
  const { at } = cuts;
  const last = at.length - 1;
  // Index of the last cut at or before offset x (the first when none is).
  const cutBefore = (x: number): number => Math.max(0, lastAtOrBefore(at, x, identity));
  for (const e of edits) {
    let a: number;
    let b: number;
    if (e.start === e.end) {
      const c = cutBefore(e.start);
      a = at[c] === e.start && c > 0 ? c - 1 : c;
      b = Math.min(c + 1, last);
      if (a === b) a = Math.max(0, b - 1);
    } else {
      a = cutBefore(e.start);
      b = Math.min(cutBefore(e.end - 1) + 1, last);
    }
    const from = at[a]!;
    const to = at[b]!;
    const prev = out[out.length - 1];
    // Units that touch are checked together: an edit on one side may change how the other reads
    // (a DELIMITER command inserted before a statement, its delimiter replaced after it).
    if (prev !== undefined && from <= prev.to) {
      const grows = to > prev.to;
      out[out.length - 1] = {
        ...prev,
        to: grows ? to : prev.to,
        endDelimiter: grows ? cuts.delimiterAt[b]! : prev.endDelimiter,
        edits: [...prev.edits, e],
      };
    } else {
      out.push({ from, to, delimiter: cuts.delimiterAt[a]!, endDelimiter: cuts.delimiterAt[b]!, edits: [e] });
    }
  }
  return out;
}

/**
 * Checks one unit under the pass's edits; returns why it is broken, or null when it is fine:
 * same statements minus those removed whole, every token outside the edits read as before, and
 * each statement that parsed before still parses.
 */
export function validateUnit(source: SqlSource, unit: Unit): string | null {
  const shifted = unit.edits.map((e) => ({ start: e.start - unit.from, end: e.end - unit.from, text: e.text }));
  const after = applyEdits(source.text.slice(unit.from, unit.to), shifted);
  let tokens: Token[];
  try {
    const result = tokenize(after, unit.delimiter);
    tokens = result.tokens;
    if (unit.to < source.text.length && result.finalDelimiter !== unit.endDelimiter) {
      return 'it would change the delimiter for the rest of the script';
    }
  } catch (e) {
    if (e instanceof SqlSyntaxError) return `it would make the text unreadable (${e.reason})`;
    throw e;
  }
  // Every token outside the edits must come out the same: same kind and length at its new place,
  // inside an executable comment exactly when it was (unless the edits removed that comment's opener).
  const all = source.tokens;
  const before: Token[] = [];
  for (let k = lowerBound(all, unit.from, startOf); k < all.length && all[k]!.end <= unit.to; k++) before.push(all[k]!);
  const outStart = new Map<number, Token>();
  const data: Token[] = [];
  for (const t of tokens) {
    outStart.set(t.start, t);
    if (t.kind === 'data') data.push(t);
  }
  const covered = (t: Token): boolean => {
    const s0 = t.start - unit.from;
    const e0 = t.end - unit.from;
    return shifted.some((e) => (e.start < e0 && e.end > s0) || (e.start === e.end && e.start > s0 && e.start < e0));
  };
  const goneExec = new Set<number>();
  for (const t of before) if (t.kind === 'execOpen' && covered(t)) goneExec.add(t.start);
  let shift = 0;
  let k = 0;
  for (const t of before) {
    const s0 = t.start - unit.from;
    while (k < shifted.length && shifted[k]!.end <= s0) {
      shift += shifted[k]!.text.length - (shifted[k]!.end - shifted[k]!.start);
      k++;
    }
    if (t.kind === 'whitespace' || covered(t)) continue;
    const at = s0 + shift;
    const o = outStart.get(at);
    // The VALUES payload of an INSERT is one opaque token only where the INSERT starts a client
    // statement: a fix that resets DELIMITER may turn tokens into a payload or back, the same text.
    if (t.kind === 'data' && o !== undefined) continue;
    if ((o === undefined || o.kind === 'data') && insideData(data, at, at + (t.end - t.start))) continue;
    if (o === undefined || o.end - o.start !== t.end - t.start) return describeBreak(t);
    // A `;` may become the delimiter or stop being it (a fix that resets DELIMITER); where
    // statements end is checked below.
    const semicolon = t.text === ';' && (o.kind === 'delimiter' || o.kind === 'punct');
    if (o.kind !== t.kind && !semicolon) return describeBreak(t);
    const inside = t.exec !== null && !goneExec.has(t.exec.start);
    if ((o.exec !== null) !== inside) return describeBreak(t);
  }
  // The same statements, minus those whose code and delimiter the edits removed.
  const statements = source.statements;
  const oldStatements: Statement[] = [];
  for (let i = lowerBound(statements, unit.from, startOf); i < statements.length && statements[i]!.start < unit.to; i++)
    oldStatements.push(statements[i]!);
  const kept = oldStatements.filter((st) => !removedWhole(st, unit.edits));
  const newStatements = splitStatements(tokens);
  if (newStatements.length !== kept.length) {
    return newStatements.length > kept.length
      ? 'it would split a statement in two'
      : 'it would merge statements or leave an empty one';
  }
  for (let i = 0; i < kept.length; i++) {
    const old = kept[i]!;
    if (newStatements[i]!.kind !== old.kind) return 'it would change what kind of statement this is';
    if (ROUTINE_KINDS.has(old.kind) && emptyLists(newStatements[i]!.code) > emptyLists(old.code)) {
      return 'it would leave a branch of the routine body without a statement';
    }
    const edits = unit.edits.filter((e) => e.start <= old.end && e.end >= old.start);
    if (edits.length === 0 || edits.every((e) => isValueSwap(source.text, e))) continue;
    if (!old.parse().ok) continue;
    if (!reparses(newStatements[i]!)) return 'the statement would no longer parse';
  }
  return null;
}

/** True when [start, end) lies inside one of the (sorted) payload tokens. */
function insideData(data: readonly Token[], start: number, end: number): boolean {
  const d = data[lastAtOrBefore(data, start, (t) => t.start)];
  return d !== undefined && d.end > start && end <= d.end;
}

function describeBreak(t: Token): string {
  switch (t.kind) {
    case 'execOpen':
    case 'execClose':
      return 'it would leave an executable comment (/*! … */) open or closed on one side only';
    case 'string':
    case 'quotedIdent':
      return 'it would change where a quoted string or name ends';
    case 'comment':
      return 'it would change where a comment ends';
    case 'delimiter':
      return 'it would change where statements end';
    default:
      return `it would change how "${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}" reads (text outside the edit)`;
  }
}

/** True when deletions (touching ones joined) cover all of a statement's code and its delimiter. */
export function removedWhole(st: Statement, edits: readonly Edit[]): boolean {
  const end = st.delimiter?.end ?? st.end;
  let reach = -1;
  for (const e of edits) {
    if (e.text !== '' || e.end <= e.start) continue;
    if (reach >= 0 && e.start <= reach) reach = Math.max(reach, e.end);
    else if (e.start <= st.start) reach = e.end;
    else if (reach >= 0) break;
    if (reach >= end) return true;
  }
  return false;
}

/**
 * An edit that swaps one plain name for another in a value position (after `=`, ENGINE, CHARSET,
 * CHARACTER SET, COLLATE or NAMES: an engine, charset or collation name) cannot change how the
 * statement parses, so the guard skips the parser for it: the parse is the costly part of fixing
 * a dump whose every CREATE TABLE says ENGINE=NDB. Any other edit is checked.
 */
function isValueSwap(text: string, e: Edit): boolean {
  const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const QUOTED = /^(['"`])[A-Za-z0-9_]+\1$/;
  const before = text.slice(e.start, e.end);
  const sameShape =
    (NAME.test(before) && NAME.test(e.text)) || (QUOTED.test(before) && QUOTED.test(e.text) && before[0] === e.text[0]);
  if (!sameShape) return false;
  const head = text
    .slice(Math.max(0, e.start - 16), e.start)
    .trimEnd()
    .toUpperCase();
  return /(?:=|\bENGINE|\bCHARSET|\bSET|\bCOLLATE|\bNAMES)$/.test(head);
}

function reparses(stmt: Statement): boolean {
  return parseSql(parseView(stmt.tokens)).ok;
}
