// A live database in the assessment: what was read from a server becomes two parts of the report,
// the server (its variables and what could not be read, checked by the server rules) and the
// schema script built from its SHOW CREATE texts. Their findings are placed on objects as check
// places them (`mysql://host/db/table`, the line inside its SHOW CREATE text), and each table has
// the size and row estimate information_schema gives, next to its findings.
import { locateFindings, segmentAt } from '../live/locate.js';
import type { LiveScript } from '../live/script.js';
import type { LiveSchema, LiveTableFacts, ObjectLocation } from '../live/types.js';
import type { Finding } from '../core/rule.js';
import type { Excerpt, FileModel, FindingRecord, ObjectRecord } from './model.js';
import { complexityOf } from './rating.js';

/** What the report says about the server a part was read from. */
export interface LiveSource {
  /** `mysql://host[:port]`, without credentials. */
  readonly server: string;
  readonly version: string;
  readonly flavor: 'mariadb' | 'mysql';
  /** The databases read. */
  readonly databases: readonly string[];
  /** `server`: the server report; `schema`: the script of its databases. */
  readonly part: 'server' | 'schema';
  /** For the schema: its tables with a size, and the sums (null when no table reported one). */
  readonly tables: number;
  readonly rows: number | null;
  readonly bytes: number | null;
}

/** Moves an excerpt's line numbers by `delta` (from the built text to the object's own text). */
function rebase(e: Excerpt | null, delta: number): Excerpt | null {
  if (e === null || delta === 0) return e;
  return {
    ...e,
    line: Math.max(1, e.line + delta),
    diff: e.diff === null ? null : { ...e.diff, line: Math.max(1, e.diff.line + delta) },
  };
}

/** The records, each finding placed on its object (its excerpt counted in that object's lines). */
function placeRecords(records: readonly FindingRecord[], text: LiveScript['script'], fallback: string) {
  const placed = locateFindings(
    text,
    fallback,
    records.map((r) => r.finding),
  );
  return records.map((r, i): FindingRecord => {
    const finding: Finding & { object: ObjectLocation } = placed[i]!;
    return { ...r, finding, excerpt: rebase(r.excerpt, finding.object.line - r.finding.line) };
  });
}

function sum(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/**
 * The two parts of a live database: `server`, the model of its server report (checked by the
 * server rules), and `schema`, the model of its schema script; both with their findings placed on
 * objects and the schema's tables with their sizes. Returns them in check's order: server first.
 */
export function liveParts(
  read: { readonly schema: LiveSchema; readonly script: LiveScript },
  server: FileModel,
  schema: FileModel,
): Array<FileModel & { readonly live: LiveSource }> {
  const url = read.schema.server.url;
  const facts = new Map<string, LiveTableFacts>();
  for (const db of read.schema.databases)
    for (const o of db.objects)
      if ((o.type === 'table' || o.type === 'sequence') && o.facts !== undefined)
        facts.set(`${db.name}\u0000${o.name}`, o.facts);
  const segments = read.script.script.segments;
  const fallback = `${url}/`;
  const objects = schema.objects.map((o): ObjectRecord => {
    if (o.kind !== 'table' || o.statements.length === 0) return o;
    // The table is the object whose part of the script holds its first statement.
    const first = schema.statements[o.statements[0]!]!;
    const ref = segmentAt(segments, first.start)?.ref;
    const f =
      ref?.database === null || ref?.object === null ? undefined : facts.get(`${ref?.database}\u0000${ref?.object}`);
    return f === undefined ? o : { ...o, size: { rows: f.rows, bytes: f.size } };
  });
  const findings = placeRecords(schema.findings, read.script.script, fallback);
  // The ratings name the finding behind them: placed now, they name its object too.
  const rated = objects.map((o) => ({ ...o, reason: complexityOf(o.findings.map((i) => findings[i]!)).reason }));
  const sized = rated.filter((o) => o.size !== undefined);
  const source = {
    server: url,
    version: read.schema.server.version,
    flavor: read.schema.server.flavor,
    databases: read.schema.databases.map((d) => d.name),
  };
  return [
    {
      // The server report's lines are not statements of the schema: its findings stand alone.
      ...server,
      findings: placeRecords(server.findings, read.script.report, fallback).map((r) => ({ ...r, statement: null })),
      advice: placeRecords(server.advice, read.script.report, fallback).map((r) => ({ ...r, statement: null })),
      statements: [],
      dataGroups: [],
      objects: [],
      statementCount: 0,
      byStatus: { ok: 0, safe: 0, lossy: 0, person: 0, incidental: 0 },
      reason:
        server.reason === null
          ? null
          : complexityOf(placeRecords(server.findings, read.script.report, fallback)).reason,
      live: { ...source, part: 'server', tables: 0, rows: null, bytes: null },
    },
    {
      ...schema,
      findings,
      advice: placeRecords(schema.advice, read.script.script, fallback),
      objects: rated,
      reason: complexityOf(findings).reason,
      live: {
        ...source,
        part: 'schema',
        tables: sized.length,
        rows: sum(sized.map((o) => o.size!.rows)),
        bytes: sum(sized.map((o) => o.size!.bytes)),
      },
    },
  ];
}
