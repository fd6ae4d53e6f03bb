// MySQL /*!NNNNN … */ and MariaDB /*M!NNNNNN … */ comments, which Xpand skips as plain comments:
// unwrapped when what they hold can run on the target; otherwise the finding says what is skipped,
// and the lossy fix removes it (or unwraps it and drops what the target lacks).
import { SKIPPABLE_DUMP_CODE, SOURCES } from '../src/core/catalog/index.js';
import {
  alterTableLayout,
  type CodeSpan,
  columnDefinitions,
  createTableLayout,
  defineRule,
  type Definition,
  type Edit,
  type Finding,
  identValue,
  isPunct,
  isTrivia,
  isWord,
  matchParen,
  mergeEdits,
  type PartitionClause,
  removalEdit,
  splitTopLevel,
  type SqlSource,
  type Statement,
  tableOptions,
  type Token,
  tokenIndexAt,
  tokenize,
} from '../src/core/kit.js';

/** The newest MySQL and MariaDB versions a dump may come from: their /*!…*\/ code ran there. */
const MYSQL_VERSION = 80499;
const MARIADB_VERSION = 119999;
/**
 * MariaDB runs /*!NNNNN … *\/ only for versions below 5.7.0 (and six-digit MariaDB versions):
 * MySQL 5.7 and 8 syntax diverged from MariaDB's, so it skips /*!50700 … *\/ and above.
 */
const MARIADB_SKIPS_MYSQL_FROM = 50700;
const DDL = /^(create|alter|drop)_/;

/** One executable comment: its opener, closer and the code tokens inside. */
interface Wrapper {
  readonly open: Token;
  readonly close: Token;
  readonly code: readonly Token[];
}

export default defineRule({
  meta: {
    id: 'no-executable-comment',
    description:
      'Disallow MySQL /*!NNNNN … */ and MariaDB /*M!NNNNNN … */ executable comments, which ClustrixDB/Xpand treat as plain comments.',
    severity: 'error',
    fixable: ['safe', 'lossy'],
    statements: 'all',
    composes: true,
    messages: {
      ignored:
        '{{target}} ignores /*{{flavor}}!{{version}} … */ comments (only /*$ … */ runs there), so "{{preview}}" silently never runs; the fix unwraps it.',
      cannotTake:
        '{{target}} skips /*{{flavor}}!{{version}} … */ comments, so "{{preview}}" never runs there; it is not unwrapped, since {{target}} cannot take what {{rules}} reports inside: --lossy {{action}}.',
      needsPerson:
        '{{target}} skips /*{{flavor}}!{{version}} … */ comments, so "{{preview}}" never runs there; {{target}} cannot take what {{rules}} reports inside, so rewrite it by hand.',
      notUnwrappable:
        '{{target}} ignores /*{{flavor}}!{{version}} … */ comments, so "{{preview}}" silently never runs; unwrapping it would change where statements end (a DELIMITER or delimiter inside), so rewrite it by hand.',
      splitConstruct:
        '{{target}} ignores /*{{flavor}}!{{version}} … */ comments, so "{{preview}}" silently never runs; it goes on in the comment next to it, /*{{nextFlavor}}!{{nextVersion}} … */, which no server this script was written for runs, so unwrapping one without the other could leave half a clause: rewrite it by hand.',
    },
    source: SOURCES.compatibility,
  },
  check(stmt, ctx) {
    const { runs, alternatives, splitBy } = group(stmt);
    // In a statement from MariaDB, the /*!50700 … */ and newer comments are MySQL alternatives:
    // they go with the fix that unwraps the MariaDB code, so that what is left still reads as
    // MariaDB code (they ran on neither the source nor the target).
    const dropAlternatives = alternatives.map((w) => removalEdit(ctx.source, w.open, w.close));
    for (const run of runs) {
      if (skippable(stmt, run)) continue;
      const first = run[0]!.open;
      const last = run[run.length - 1]!.close;
      const { flavor, version } = first.exec!;
      const preview = previewOf(ctx.source, run);
      const data = {
        flavor: flavor === 'mariadb' ? 'M' : '',
        version: version ?? '',
        preview: preview.length > 40 ? `${preview.slice(0, 37)}…` : preview,
      };
      const severity = DDL.test(stmt.kind) ? 'error' : onlySavesOrRestores(stmt, run) ? 'info' : 'warning';
      const report = (
        messageId: string,
        fix: { kind: 'safe' | 'lossy'; title: string; edits: Edit[] } | null,
        more = {},
      ) => ctx.report({ messageId, data: { ...data, ...more }, start: first.start, end: first.end, severity, fix });
      const unwrapOnly = run.flatMap((w) => unwrap(ctx.source, w.open, w.close));
      const unwrapEdits = mergeEdits([...unwrapOnly, ...dropAlternatives]) ?? unwrapOnly;
      if (!keepsStatement(ctx.source, stmt, unwrapEdits)) {
        report('notUnwrappable', null);
        continue;
      }
      const next = splitBy.get(run);
      if (next !== undefined) {
        const { flavor: nextFlavor, version: nextVersion } = next.open.exec!;
        report('splitConstruct', null, {
          nextFlavor: nextFlavor === 'mariadb' ? 'M' : '',
          nextVersion: nextVersion ?? '',
        });
        continue;
      }
      // What the other rules find inside decides whether the code can run on the target.
      // Advice is no reason to keep code commented out, and a suggestion must never ride along with an unwrap.
      const inner = ctx
        .findingsIn(first.start, last.end)
        .filter((f) => f.severity === 'error' && f.category !== 'advice');
      const manual = inner.filter((f) => f.fix === null);
      const lossy = inner.filter((f) => f.fix?.kind === 'lossy');
      const label = `Unwrap ${first.text} … */${run.length > 1 ? ` and the ${run.length - 1} next to it` : ''}`;
      if (manual.length === 0 && lossy.length === 0) {
        // Unwrapped together with the safe fixes of what is inside, so they apply as one.
        const edits = mergeEdits(withInner(ctx.source, unwrapEdits, inner)) ?? unwrapEdits;
        report('ignored', { kind: 'safe', title: label, edits });
        continue;
      }
      const rules = ruleList(manual.length > 0 ? manual : lossy);
      // Unwrapped together with the fixes of what is inside, or (when those cannot be combined
      // with the unwrap) removed, as the target skips it today.
      const composed = manual.length === 0 ? mergeEdits(withInner(ctx.source, unwrapEdits, inner)) : null;
      if (composed !== null) {
        const edits = composed;
        const removed = deletesAll(run, edits);
        report(
          'cannotTake',
          {
            kind: 'lossy',
            title: removed
              ? `Remove ${first.text} … */ (the target skips it)`
              : `${label} and drop what the target lacks`,
            edits,
          },
          { rules, action: removed ? 'removes it, as the target skips it today' : 'unwraps it without that' },
        );
        continue;
      }
      // Something inside needs a person (or its fixes cannot be combined with the unwrap). An
      // optional part of a statement can go, as the target skips it today; anything else (the
      // whole statement, its name, the rest of a clause begun outside, part of a query) is left
      // for the person.
      if (!optionalPart(stmt, run)) {
        report('needsPerson', null, { rules });
        continue;
      }
      report(
        'cannotTake',
        {
          kind: 'lossy',
          title: `Remove ${first.text} … */ (the target skips it)`,
          edits: [removeRunEdit(ctx.source, stmt, run)],
        },
        { rules, action: 'removes it, as the target skips it today' },
      );
    }
  },
});

/**
 * The statement's executable comments that ran on the source server and hold code, grouped into
 * runs of adjacent comments (only whitespace or plain comments between them): pieces of one
 * definition or statement, such as `/*!50003 CREATE*\/ /*!50017 DEFINER=…*\/ /*!50003 TRIGGER … *\/`
 * or `/*!50705 location GEOMETRY *\/ /*!80003 SRID 0 *\/ /*!50705 NOT NULL,*\/`, are one unit.
 *
 * A statement that holds MariaDB /*M!…*\/ code is taken to come from MariaDB, which skips
 * /*!50700 … *\/ and above: such comments there are alternatives for MySQL, not code that ran.
 */
function group(stmt: Statement): { runs: Wrapper[][]; alternatives: Wrapper[]; splitBy: Map<Wrapper[], Wrapper> } {
  const wrappers: Wrapper[] = [];
  let open: Token | null = null;
  let code: Token[] = [];
  for (const t of stmt.tokens) {
    if (t.kind === 'execOpen') {
      open = t;
      code = [];
    } else if (t.kind === 'execClose' && open !== null) {
      wrappers.push({ open, close: t, code });
      open = null;
    } else if (open !== null && !isTrivia(t)) code.push(t);
  }
  const mariadb = wrappers.some((w) => w.open.exec!.flavor === 'mariadb' && w.code.length > 0);
  const ran = (w: Wrapper): boolean => {
    const { flavor, version } = w.open.exec!;
    if (version === null) return true;
    if (flavor === 'mariadb') return version <= MARIADB_VERSION;
    if (mariadb) return version < MARIADB_SKIPS_MYSQL_FROM || (version >= 100000 && version <= MARIADB_VERSION);
    return version <= MYSQL_VERSION;
  };
  const separate = separatesDefinitions(stmt);
  const out: Wrapper[][] = [];
  const alternatives: Wrapper[] = [];
  // Code in a comment for a version newer than any the script was written for, right next to
  // code that ran: one clause may be split between them (`/*!50705 … USING */ /*!90000 HASH */`).
  const splitBy = new Map<Wrapper[], Wrapper>();
  let previous: Wrapper | null = null;
  let unran: Wrapper | null = null;
  for (const w of wrappers) {
    // Only code counts: a comment inside the wrapper runs nowhere either.
    if (!ran(w) || w.code.length === 0) {
      const alternative =
        mariadb && w.code.length > 0 && w.open.exec!.flavor === 'mysql' && (w.open.exec!.version ?? 0) <= MYSQL_VERSION;
      if (alternative) alternatives.push(w);
      if (!alternative && w.code.length > 0) {
        if (previous !== null && onlyTriviaBetween(stmt, previous.close, w.open)) splitBy.set(out[out.length - 1]!, w);
        unran = w;
      } else unran = null;
      previous = null;
      continue;
    }
    if (previous !== null && onlyTriviaBetween(stmt, previous.close, w.open) && !separate(previous, w))
      out[out.length - 1]!.push(w);
    else {
      out.push([w]);
      if (unran !== null && onlyTriviaBetween(stmt, unran.close, w.open)) splitBy.set(out[out.length - 1]!, unran);
    }
    previous = w;
    unran = null;
  }
  return { runs: out, alternatives, splitBy };
}

/**
 * True when two adjacent comments hold different definitions of a CREATE TABLE body (or
 * specifications of an ALTER TABLE): `/*M!100100 a INT,*\/ /*!50100 g GEOMETRY NOT NULL*\/` is two
 * units, so that removing the GEOMETRY column does not take the column `a` with it. Pieces of one
 * definition (`/*!50705 location GEOMETRY *\/ /*!80003 SRID 0 *\/ /*!50705 NOT NULL,*\/`) stay one.
 */
function separatesDefinitions(stmt: Statement): (a: Wrapper, b: Wrapper) => boolean {
  let list: { from: number; to: number; items: readonly { from: number; to: number }[] } | null = null;
  if (stmt.kind === 'create_table') {
    const layout = createTableLayout(stmt);
    if (layout.body !== null) list = { from: layout.body.from + 1, to: layout.body.to - 1, items: layout.definitions };
  } else if (stmt.kind === 'alter_table') {
    const { specs } = alterTableLayout(stmt);
    if (specs.length > 0) list = { from: specs[0]!.from, to: specs[specs.length - 1]!.to, items: specs };
  }
  if (list === null) return () => false;
  const { from, to, items } = list;
  // The item a code token belongs to: its index, -1 for a comma between items, null outside the list.
  const itemOf = (t: Token): number | null => {
    const k = stmt.code.indexOf(t);
    if (k < from || k >= to) return null;
    const i = items.findIndex((d) => k >= d.from && k < d.to);
    return i >= 0 ? i : isPunct(t, ',') ? -1 : null;
  };
  return (a, b) => {
    const last = itemOf(a.code[a.code.length - 1]!);
    const first = itemOf(b.code[0]!);
    if (last === null || first === null) return false;
    return last === -1 || first === -1 || last !== first;
  };
}

function onlyTriviaBetween(stmt: Statement, a: Token, b: Token): boolean {
  return stmt.tokens.every(
    (t) => t.end <= a.end || t.start >= b.start || t.kind === 'whitespace' || t.kind === 'comment',
  );
}

function previewOf(source: SqlSource, run: readonly Wrapper[]): string {
  return run
    .map((w) => source.text.slice(w.code[0]!.start, w.code[w.code.length - 1]!.end))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "no-spatial" or "no-spatial and no-fulltext". */
function ruleList(findings: readonly Finding[]): string {
  const ids = [...new Set(findings.map((f) => f.ruleId))];
  return ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * The unwrap's edits with the fixes of what is inside. The unwrap takes the space after the
 * opener and before the closer, and a removal inside may take the same space (the one before its
 * first word): there the unwrap leaves the space to the removal, so that the two do not overlap
 * (`RANGE (a) /*M!100100 SUBPARTITION BY … (PARTITION p0 …)*\/` keeps its partition list).
 */
function withInner(source: SqlSource, unwrapEdits: readonly Edit[], inner: readonly Finding[]): Edit[] {
  const innerEdits = inner.flatMap((f) => f.fix!.edits);
  const blank = (from: number, to: number) => /^[ \t]*$/.test(source.text.slice(from, to));
  const trimmed = unwrapEdits.map((u) => {
    if (u.text !== '') return u;
    let { start, end } = u;
    for (const d of innerEdits) {
      if (d.text !== '' || d.end <= start || d.start >= end) continue;
      if (d.start > start && d.end >= end && blank(d.start, end)) end = d.start;
      else if (d.end < end && d.start <= start && blank(start, d.end)) start = d.end;
    }
    return start === u.start && end === u.end ? u : { start, end, text: '' };
  });
  return [...trimmed, ...innerEdits];
}

/** True when the edits delete every code token of the run. */
function deletesAll(run: readonly Wrapper[], edits: readonly Edit[]): boolean {
  return run.every((w) =>
    w.code.every((t) => edits.some((e) => e.text === '' && e.start <= t.start && e.end >= t.end)),
  );
}

/**
 * mysqldump code the target may go on skipping with nothing lost (see SKIPPABLE_DUMP_CODE): key
 * maintenance for a load, settings of load speed and notes, the B-tree index type and the default
 * encryption option.
 */
function skippable(stmt: Statement, run: readonly Wrapper[]): boolean {
  const code = run.flatMap((w) => w.code);
  const whole = stmt.code.length === code.length;
  if (
    whole &&
    isWord(code[0], 'ALTER') &&
    isWord(code[1], 'TABLE') &&
    (isWord(code[code.length - 2], 'DISABLE') || isWord(code[code.length - 2], 'ENABLE')) &&
    isWord(code[code.length - 1], 'KEYS') &&
    code.length <= 7
  ) {
    return true;
  }
  if (whole && isWord(code[0], 'SET') && code.length > 1) {
    return splitTopLevel(code, 1, code.length).every((a) => skippableAssignment(code.slice(a.from, a.to)));
  }
  // `PRIMARY KEY (a, b) /*!50060 USING BTREE */`: the type every Xpand index has anyway.
  if (code.length === 2 && isWord(code[0], 'USING') && code[1]!.kind === 'word') {
    return SKIPPABLE_DUMP_CODE.indexTypes.has(code[1]!.text.toUpperCase());
  }
  // `/*!80016 DEFAULT ENCRYPTION='N' */`
  let k = isWord(code[0], 'DEFAULT') ? 1 : 0;
  if (!isWord(code[k], 'ENCRYPTION')) return false;
  k++;
  if (isPunct(code[k], '=')) k++;
  return k === code.length - 1 && code[k]!.kind === 'string' && identValue(code[k]!).toUpperCase() === 'N';
}

/**
 * mysqldump's bookkeeping around what matters: `SET @saved_cs_client = @@character_set_client`
 * saves a setting in a user variable, `SET character_set_client = @saved_cs_client` puts it back.
 * Skipped, they change nothing a load into a new database relies on: info, not a warning (the fix
 * still unwraps them, so the settings they pair with are restored as on MySQL).
 */
function onlySavesOrRestores(stmt: Statement, run: readonly Wrapper[]): boolean {
  const code = run.flatMap((w) => w.code);
  if (stmt.code.length !== code.length || !isWord(code[0], 'SET') || code.length < 4) return false;
  return splitTopLevel(code, 1, code.length).every((a) => {
    const part = code.slice(a.from, a.to);
    const eq = part.findIndex((t) => isPunct(t, '=') || isPunct(t, ':='));
    if (eq < 1 || eq !== part.length - 2) return false;
    const lhs = part[0]!;
    const rhs = part[eq + 1]!;
    const userVariable = (t: Token) => t.kind === 'variable' && !t.text.startsWith('@@');
    // mysqldump's per-table `SET character_set_client = utf8mb4` around each CREATE TABLE, put back
    // right after it: skipped, the session's character set (SET NAMES in the header) applies.
    const perTable = isWord(lhs, 'CHARACTER_SET_CLIENT') && rhs.kind === 'word';
    return userVariable(lhs) || userVariable(rhs) || perTable;
  });
}

/** `UNIQUE_CHECKS=0`, `@OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS`, `SQL_NOTES=@OLD_SQL_NOTES`, … */
function skippableAssignment(a: readonly Token[]): boolean {
  if (a.length !== 3 || !(isPunct(a[1], '=') || isPunct(a[1], ':='))) return false;
  const name = (t: Token | undefined): string | null => {
    if (t === undefined) return null;
    if (t.kind === 'word') return t.text.toUpperCase();
    if (t.kind === 'variable' && t.text.startsWith('@@'))
      return t.text.replace(/^@@(?:session\.|local\.)?/i, '').toUpperCase();
    return null;
  };
  const lhs = name(a[0]);
  if (lhs !== null) return SKIPPABLE_DUMP_CODE.variables.has(lhs);
  // A user variable saving one of them for the restore at the end of the dump.
  const rhs = name(a[2]);
  return (
    a[0]!.kind === 'variable' && rhs !== null && a[2]!.text.startsWith('@@') && SKIPPABLE_DUMP_CODE.variables.has(rhs)
  );
}

/**
 * True when the statement, unwrapped, is still exactly one statement: the comment may hold a
 * `DELIMITER` line or the delimiter itself, which the client only sees once it is code.
 */
function keepsStatement(source: SqlSource, stmt: Statement, edits: readonly Edit[]): boolean {
  const local = edits.map((e) => ({ start: e.start - stmt.start, end: e.end - stmt.start, text: e.text }));
  let text = source.text.slice(stmt.start, stmt.end);
  for (const e of [...local].sort((a, b) => b.start - a.start))
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  try {
    const { tokens } = tokenize(text, stmt.delimiter?.text ?? ';');
    return (
      !tokens.some((t) => t.kind === 'delimiter' || t.kind === 'delimiterCommand') && tokens.some((t) => !isTrivia(t))
    );
  } catch {
    return false;
  }
}

/** Edits that drop `/*!NNNNN` with the space after it and `*\/` with the space before it. */
function unwrap(source: SqlSource, open: Token, close: Token): Edit[] {
  const tokens = source.tokens;
  const afterOpen = tokens[tokenIndexAt(tokens, open.start) + 1];
  const beforeClose = tokens[tokenIndexAt(tokens, close.start) - 1];
  const glue = (start: number, end: number): string =>
    /\w/.test(source.text[start - 1] ?? '') && /\w/.test(source.text[end] ?? '') ? ' ' : '';
  const openEnd = afterOpen?.kind === 'whitespace' && !afterOpen.text.includes('\n') ? afterOpen.end : open.end;
  const closeStart =
    beforeClose?.kind === 'whitespace' && !beforeClose.text.includes('\n') && beforeClose.start > openEnd
      ? beforeClose.start
      : close.start;
  return [
    { start: open.start, end: openEnd, text: glue(open.start, openEnd) },
    { start: closeStart, end: close.end, text: glue(closeStart, close.end) },
  ];
}

/**
 * True when the run holds optional parts of the statement only, so that without it the rest still
 * reads as the statement it was, minus those parts (which is what the target runs today): whole
 * CREATE TABLE definitions or ALTER TABLE specifications, whole table options, the whole
 * partitioning or subpartitioning clause, or whole attributes of a column or options of a key
 * (`NOT NULL`, `COMMENT '…'`, `INVISIBLE`, `ON DELETE CASCADE`). Anything else is not: the
 * statement's name, the rest of a clause begun outside (`PARTITION BY RANGE (a) /*M!100100
 * (PARTITION p0 …) *\/`, `ENGINE=/*!50100 FEDERATED *\/`, `DEFAULT /*!50100 … *\/`), part of a query
 * (`SELECT a /*!40101 COLLATE utf8mb4_bin FROM t *\/`) or of a routine body: without it the
 * statement fails, or means something else.
 */
function optionalPart(stmt: Statement, run: readonly Wrapper[]): boolean {
  const code = stmt.code;
  const lastRun = run[run.length - 1]!;
  let from = code.indexOf(run[0]!.code[0]!);
  let to = code.indexOf(lastRun.code[lastRun.code.length - 1]!) + 1;
  if (isPunct(code[from], ',')) from++;
  if (isPunct(code[to - 1], ',')) to--;
  if (from >= to) return false;
  // A table keeps at least one column: `CREATE TABLE t (/*!50100 g GEOMETRY */)` has no fix.
  if (stmt.kind === 'create_table') {
    const { definitions } = createTableLayout(stmt);
    if (!definitions.some((d) => d.kind === 'column' && (d.to <= from || d.from >= to))) return false;
  }
  return optionalParts(stmt).some(
    (list) => list.some((p) => p.from === from) && list.some((p) => p.to === to && p.from >= from),
  );
}

/** Lists of consecutive optional parts of a CREATE TABLE or ALTER TABLE (see optionalPart). */
function optionalParts(stmt: Statement): CodeSpan[][] {
  const code = stmt.code;
  const lists: CodeSpan[][] = [];
  let definitions: readonly Definition[];
  let partition: PartitionClause | null;
  if (stmt.kind === 'create_table') {
    const layout = createTableLayout(stmt);
    lists.push([...layout.definitions], tableOptions(code, layout.options));
    ({ definitions, partition } = layout);
  } else if (stmt.kind === 'alter_table') {
    const layout = alterTableLayout(stmt);
    lists.push([...layout.specs]);
    ({ added: definitions, partition } = layout);
  } else return [];
  if (partition !== null) {
    lists.push([partition]);
    if (partition.subpartition !== null) lists.push([partition.subpartition]);
  }
  for (const d of [...definitions, ...columnDefinitions(stmt)]) lists.push(attributesOf(code, d));
  return lists;
}

/** Words that begin an attribute of a column definition. */
const COLUMN_ATTRIBUTES = new Set(
  'NOT NULL DEFAULT AUTO_INCREMENT UNIQUE PRIMARY KEY COMMENT COLLATE CHARACTER CHARSET COLUMN_FORMAT STORAGE SRID INVISIBLE VISIBLE GENERATED AS REFERENCES CHECK CONSTRAINT ON STORED VIRTUAL PERSISTENT WITH WITHOUT ENGINE_ATTRIBUTE SECONDARY_ENGINE_ATTRIBUTE COMPRESSED UNSIGNED SIGNED ZEROFILL'.split(
    ' ',
  ),
);
/** Words that begin an option of a key, a foreign key or a check constraint, after its column list. */
const KEY_OPTIONS = new Set(
  'USING KEY_BLOCK_SIZE COMMENT WITH VISIBLE INVISIBLE ENGINE_ATTRIBUTE SECONDARY_ENGINE_ATTRIBUTE CLUSTERING IGNORED NOT ON MATCH ENFORCED'.split(
    ' ',
  ),
);
/** Words after which such a word is a value or part of a longer keyword, not an attribute's start. */
const TAKES_A_WORD = new Set(
  'NOT DEFAULT ON UPDATE DELETE CHARACTER SET CHARSET COLLATE COMMENT PRIMARY UNIQUE GENERATED ALWAYS AS SRID COLUMN_FORMAT STORAGE REFERENCES CONSTRAINT MATCH WITH WITHOUT SYSTEM USING'.split(
    ' ',
  ),
);

/**
 * The attributes of a column definition (after its name and type) or the options of a key (after
 * its column list), as consecutive spans: `NOT NULL`, `DEFAULT 0`, `COMMENT 'x'`.
 */
function attributesOf(code: readonly Token[], d: Definition): CodeSpan[] {
  const starts = d.kind === 'column' ? COLUMN_ATTRIBUTES : KEY_OPTIONS;
  let k = d.from + 2;
  if (d.kind !== 'column') {
    k = d.from;
    while (k < d.to && !isPunct(code[k], '(')) k++;
    if (k >= d.to || d.kind === 'like' || d.kind === 'unknown' || d.kind === 'period') return [];
    k = matchParen(code, k, d.to) + 1;
  }
  const boundaries: number[] = [];
  for (let depth = 0; k < d.to; k++) {
    const t = code[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (
      depth === 0 &&
      t.kind === 'word' &&
      starts.has(t.text.toUpperCase()) &&
      !(code[k - 1]!.kind === 'word' && TAKES_A_WORD.has(code[k - 1]!.text.toUpperCase())) &&
      !isPunct(code[k - 1], '=') &&
      !isWord(code[k - 2], 'CONSTRAINT')
    )
      boundaries.push(k);
  }
  return boundaries.map((b, i) => ({ from: b, to: boundaries[i + 1] ?? d.to }));
}

/**
 * Removes a run of comments that is part of a statement, with its spacing; in a comma-separated
 * list (a CREATE TABLE definition) also one comma when the run holds none.
 */
function removeRunEdit(source: SqlSource, stmt: Statement, run: readonly Wrapper[]): Edit {
  const firstCode = run[0]!.code[0]!;
  const lastCode = run[run.length - 1]!.code[run[run.length - 1]!.code.length - 1]!;
  const i = stmt.code.indexOf(firstCode);
  const j = stmt.code.indexOf(lastCode);
  let from: Token = run[0]!.open;
  let to: Token = run[run.length - 1]!.close;
  if (!isPunct(firstCode, ',') && !isPunct(lastCode, ',')) {
    const prev = stmt.code[i - 1];
    const next = stmt.code[j + 1];
    // A comma inside another comment stays with it (`/*M!100100 a INT,*\/ /*!50100 g GEOMETRY*\/,`
    // takes the comma after): an edit from there would cross that comment's closer.
    const nextComma = isPunct(next, ',') && next!.exec === null;
    if (isPunct(prev, ',') && prev!.exec !== null && nextComma) to = next!;
    // The last item of a list (a definition, an ALTER specification, a table option) takes the
    // comma before it: `ALTER TABLE t ADD a INT, /*!50100 ADD g GEOMETRY */;`.
    else if (isPunct(prev, ',') && (isPunct(next, ',') || isPunct(next, ')') || prev!.exec === null)) from = prev!;
    else if (isPunct(prev, '(') && isPunct(next, ',')) to = next!;
  }
  return removalEdit(source, from, to);
}
