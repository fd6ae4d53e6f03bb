// Flags SPATIAL indexes, GEOMETRY-family column types and GIS functions.
import { SOURCES, SPATIAL_TYPES } from '../src/core/catalog/index.js';
import { columnDefinitions, defineRule, indexDrops, indexRemovals, isPunct } from '../src/core/kit.js';

const GIS_FUNCTION = /^(?:ST_\w+|MBR\w+|GEOMFROMTEXT|GEOMFROMWKB|POINTFROMTEXT|ASTEXT|ASWKT|ASBINARY|ASWKB)$/i;

export default defineRule({
  meta: {
    id: 'no-spatial',
    description:
      'Disallow SPATIAL indexes, GEOMETRY-family column types and GIS functions, which ClustrixDB/Xpand do not support.',
    severity: 'error',
    fixable: ['lossy'],
    statements: 'all',
    messages: {
      index: 'SPATIAL indexes are not supported by {{target}}.',
      type: 'Spatial type {{type}} is not supported by {{target}}; store WKB in VARBINARY/BLOB or coordinates in DECIMAL columns.',
      function: 'GIS function {{name}}() is not supported by {{target}}.',
      dropIndex:
        'This drops the SPATIAL index {{index}} (line {{line}}), which {{target}} cannot have: once --lossy removes that index this fails, so --lossy removes it with it.',
    },
    source: SOURCES.dataTypes,
  },
  check(stmt, ctx) {
    const code = stmt.code;
    for (const drop of indexDrops(ctx, stmt, 'spatial')) {
      ctx.report({
        messageId: 'dropIndex',
        data: { index: drop.index, line: drop.line },
        start: drop.at.start,
        end: drop.at.end,
        fix: { kind: 'lossy', title: `Remove the DROP of SPATIAL index ${drop.index}`, edits: [drop.edit] },
      });
    }
    for (const { keyword, edit } of indexRemovals(ctx.source, stmt, 'spatial')) {
      ctx.report({
        messageId: 'index',
        start: keyword.start,
        end: keyword.end,
        fix: { kind: 'lossy', title: 'Remove the SPATIAL index', edits: [edit] },
      });
    }
    if (stmt.kind === 'create_table' || stmt.kind === 'alter_table') {
      for (const col of columnDefinitions(stmt)) {
        const type = code[col.from + 1];
        if (type?.kind === 'word' && SPATIAL_TYPES.has(type.text.toUpperCase())) {
          ctx.report({ messageId: 'type', data: { type: type.text.toUpperCase() }, start: type.start, end: type.end });
        }
      }
    }
    for (let k = 0; k < code.length; k++) {
      const t = code[k]!;
      if (t.kind === 'word' && isPunct(code[k + 1], '(') && GIS_FUNCTION.test(t.text) && !isPunct(code[k - 1], '.')) {
        ctx.report({ messageId: 'function', data: { name: t.text.toUpperCase() }, start: t.start, end: t.end });
      }
    }
  },
});
