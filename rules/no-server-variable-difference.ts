// Server variables ClustrixDB/Xpand fix, ignore or default differently. A live server's report
// lists them as `SET GLOBAL name = value` (src/live/script.ts); this rule reads those.
import {
  charsetSupport,
  collationSupport,
  ENGINES,
  TARGET_SERVER_VARIABLES,
  SQL_MODES,
} from '../src/core/catalog/index.js';
import { defineRule, identValue, isPunct, type Report, type Statement, type Token } from '../src/core/kit.js';

interface Assignment {
  readonly name: string;
  readonly value: string;
  readonly token: Token;
}

/** The server-level assignments of a SET: `SET GLOBAL x = v`, `SET PERSIST x = v`, `SET @@global.x = v`. */
function globalAssignments(stmt: Statement): Assignment[] {
  const code = stmt.code;
  const out: Assignment[] = [];
  let scope = 'SESSION';
  for (let k = 1; k < code.length; k++) {
    const t = code[k]!;
    let name: string | null = null;
    let level = scope;
    if (t.kind === 'word' && ['GLOBAL', 'SESSION', 'LOCAL', 'PERSIST', 'PERSIST_ONLY'].includes(t.text.toUpperCase())) {
      scope = t.text.toUpperCase();
      continue;
    }
    if (t.kind === 'variable') {
      const m = /^@@(?:(global|session|local|persist|persist_only)\.)?([a-z_0-9]+)$/i.exec(t.text);
      if (m === null) continue;
      name = m[2]!.toLowerCase();
      level = (m[1] ?? 'SESSION').toUpperCase();
    } else if (t.kind === 'word' || t.kind === 'quotedIdent') {
      name = identValue(t).toLowerCase();
    }
    if (name === null || !(isPunct(code[k + 1], '=') || isPunct(code[k + 1], ':='))) continue;
    const value = code[k + 2];
    if (value === undefined || !['string', 'word', 'number', 'quotedIdent'].includes(value.kind)) continue;
    if (level !== 'SESSION' && level !== 'LOCAL') out.push({ name, value: identValue(value), token: value });
    k += 2;
  }
  return out;
}

/** utf8mb3 is what MariaDB 10.6+ and MySQL 8 call utf8. */
const asUtf8 = (name: string) => name.toLowerCase().replace(/^utf8mb3(?=_|$)/, 'utf8');

export default defineRule({
  meta: {
    id: 'no-server-variable-difference',
    description:
      'Report server variables ClustrixDB/Xpand fix, ignore or default differently (version, character_set_server, collation_server, sql_mode, lower_case_table_names, default_storage_engine, event_scheduler).',
    severity: 'warning',
    fixable: [],
    statements: ['set'],
    messages: {
      version:
        'The server reports version {{value}}; {{target}} reports MySQL {{reported}} ("{{example}}…"), so drivers, ORMs and migration tools that choose features by version see MySQL 5.0 there.',
      charsetUnsupported:
        'character_set_server is {{value}}, which {{target}} does not support: give the cluster a default it has, and name the character set wherever objects rely on the default.',
      charsetUnverified:
        'character_set_server is {{value}}, which is not confirmed for {{target}} (no vendor list for this version); test it on a real cluster.',
      charsetDefault:
        'character_set_server is {{value}} here but {{default}} on {{target}} unless the cluster is set the same way: databases created without CHARACTER SET, and the tables and routine parameters relying on their default, get {{default}} there.',
      collationUnsupported:
        'collation_server is {{value}}, which {{target}} does not support: give the cluster a default it has, and name the collation wherever objects rely on the default.',
      collationUnverified:
        'collation_server is {{value}}, which is not confirmed for {{target}} (no vendor list for this version); test it on a real cluster.',
      collationDefault:
        'collation_server is {{value}} here but {{default}} on {{target}} unless the cluster is set the same way: text in databases created without COLLATE compares and sorts differently there.',
      sqlModeDiscarded:
        'The server runs with sql_mode {{modes}}, which {{target}} accepts and discards: the application will not behave there as it does here under those modes.',
      sqlModeUnknown:
        'sql_mode {{modes}} is not a mode clustrix-lint knows; {{target}} sets sql_mode to NULL (strict mode off) when it is given an unknown value.',
      lowerCaseTableNames:
        'lower_case_table_names is 0 here, so table names are case-sensitive; {{target}} always compares them case-insensitively (it is fixed at 1): names that differ only in case collide there, and queries that rely on the case change meaning.',
      defaultEngine:
        '{{name}} is {{value}} here: tables created without ENGINE= are {{value}} tables on this server but durable, transactional tables on {{target}}, which ignores engine names.',
      eventScheduler:
        'event_scheduler is {{value}} here, so events run on this server; {{target}} has no event scheduler: move scheduled jobs outside the database (cron, a job runner).',
    },
    source: TARGET_SERVER_VARIABLES.versionSource,
  },
  check() {
    // Everything is decided over the whole script (collation_server depends on character_set_server).
  },
  checkScript(statements, ctx) {
    const found = new Map<string, Assignment>();
    for (const stmt of statements) for (const a of globalAssignments(stmt)) found.set(a.name, a);
    const report = (a: Assignment, messageId: string, data: Record<string, string>, severity?: Report['severity']) =>
      ctx.report({
        messageId,
        data: { value: a.value, ...data },
        start: a.token.start,
        end: a.token.end,
        ...(severity === undefined ? {} : { severity }),
      });
    const target = ctx.target;
    const version = found.get('version');
    if (version !== undefined) {
      report(
        version,
        'version',
        {
          reported: TARGET_SERVER_VARIABLES.reportedVersion,
          example: TARGET_SERVER_VARIABLES.versionString[target.product],
        },
        'info',
      );
    }
    const charset = found.get('character_set_server');
    let charsetDiffers = false;
    if (charset !== undefined) {
      const { support } = charsetSupport(asUtf8(charset.value), target);
      if (support === 'unsupported') report(charset, 'charsetUnsupported', {}, 'error');
      else if (support === 'unverified') report(charset, 'charsetUnverified', {});
      else if (asUtf8(charset.value) !== TARGET_SERVER_VARIABLES.defaultCharset) {
        charsetDiffers = true;
        report(charset, 'charsetDefault', { default: TARGET_SERVER_VARIABLES.defaultCharset });
      }
    }
    const collation = found.get('collation_server');
    if (collation !== undefined) {
      const { support } = collationSupport(asUtf8(collation.value), target);
      if (support === 'unsupported') report(collation, 'collationUnsupported', {}, 'error');
      else if (support === 'unverified') report(collation, 'collationUnverified', {});
      else if (!charsetDiffers && asUtf8(collation.value) !== TARGET_SERVER_VARIABLES.defaultCollation)
        report(collation, 'collationDefault', { default: TARGET_SERVER_VARIABLES.defaultCollation });
    }
    const sqlMode = found.get('sql_mode');
    if (sqlMode !== undefined) {
      const modes = sqlMode.value
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter((m) => m !== '');
      const unknown = modes.filter((m) => !SQL_MODES.known.has(m));
      const discarded = modes.filter((m) => SQL_MODES.known.has(m) && !SQL_MODES.acting.has(m));
      if (unknown.length > 0) report(sqlMode, 'sqlModeUnknown', { modes: unknown.join(', ') });
      if (discarded.length > 0) report(sqlMode, 'sqlModeDiscarded', { modes: discarded.join(', ') });
    }
    const names = found.get('lower_case_table_names');
    if (names !== undefined && names.value.trim() === '0') report(names, 'lowerCaseTableNames', {});
    for (const name of ['default_storage_engine', 'storage_engine']) {
      const engine = found.get(name);
      if (engine !== undefined && !ENGINES.native.has(engine.value.toUpperCase()))
        report(engine, 'defaultEngine', { name });
    }
    const scheduler = found.get('event_scheduler');
    if (scheduler !== undefined && /^(?:ON|1)$/i.test(scheduler.value.trim())) report(scheduler, 'eventScheduler', {});
  },
});
