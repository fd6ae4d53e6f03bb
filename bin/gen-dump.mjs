#!/usr/bin/env node
// Development tool (not installed as a command): writes a mysqldump-style file of a chosen size to
// standard output, for the benchmark and the bounded-memory tests. Two shapes:
// - `one-table` (default): a WSO2-like schema with /*!40101 … */ headers and USING HASH, then
//   LOCK TABLES and ~1 MB extended INSERTs of one table whose strings hold quotes, backslashes,
//   `;`, newlines and the words USING HASH;
// - `many-tables`: what mysqldump writes for an application database: thousands of tables, each
//   framed by DROP TABLE, CREATE TABLE (mixed charsets and collations, USING HASH, partitioning in
//   /*!50100 … */), LOCK TABLES, /*!40000 ALTER TABLE … DISABLE KEYS */, extended INSERTs of rows
//   with escaped strings, dates, decimals, NULLs, hex blobs and non-ASCII text, ENABLE KEYS and
//   UNLOCK TABLES. Table sizes are skewed (many small tables, a few big ones); the output is the
//   same for the same arguments.
//   node bin/gen-dump.mjs --size 1G > dump.sql
//   node bin/gen-dump.mjs --shape many-tables --size 1G [--tables 2500] > dump.sql
import { once } from 'node:events';

/** Parses 200M, 1G, 4096K or a byte count. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(String(text).trim());
  if (!m) throw new Error(`bad size: ${text}`);
  return Math.round(Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()]);
}

const HEADER = `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: wso2am
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;

DROP TABLE IF EXISTS \`REG_LOG\`;
CREATE TABLE \`REG_LOG\` (
  \`REG_LOG_ID\` int NOT NULL AUTO_INCREMENT,
  \`REG_PATH\` varchar(750) DEFAULT NULL,
  \`REG_ACTION_DATA\` varchar(500) DEFAULT NULL,
  \`REG_TENANT_ID\` int NOT NULL DEFAULT '0',
  PRIMARY KEY (\`REG_LOG_ID\`,\`REG_TENANT_ID\`),
  KEY \`REG_LOG_IND_BY_PATH\` (\`REG_PATH\`(100)) USING HASH
) ENGINE=InnoDB DEFAULT CHARSET=latin1;

CREATE INDEX REG_LOG_IND_BY_TENANT USING HASH ON REG_LOG(REG_TENANT_ID);

LOCK TABLES \`REG_LOG\` WRITE;
/*!40000 ALTER TABLE \`REG_LOG\` DISABLE KEYS */;
`;

const FOOTER = `/*!40000 ALTER TABLE \`REG_LOG\` ENABLE KEYS */;
UNLOCK TABLES;
/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
`;

const ROWS = [
  (i) =>
    `(${i},'/_system/governance/repository/components/org.wso2.carbon.registry/queries/${i}','it''s a \\'quoted\\' value; USING HASH',-1234)`,
  (i) => `(${i},'/_system/config/users/${i}','backslash \\\\ and semicolon ; and \\n escaped newline',0)`,
  (i) => `(${i},"/double/quoted/${i}","a real\nnewline; CREATE INDEX x USING HASH ON t(c);",1)`,
];

/** Yields the one-table dump in chunks of about 1 MB (one extended INSERT each) until `size` bytes. */
export function* dumpChunks(size) {
  let written = 0;
  let i = 0;
  const push = (s) => {
    written += Buffer.byteLength(s);
    return s;
  };
  yield push(HEADER);
  while (written < size - FOOTER.length) {
    const rows = [];
    let len = 0;
    while (len < 1024 * 1024 && written + len < size - FOOTER.length - 200) {
      const row = ROWS[i % ROWS.length](i);
      rows.push(row);
      len += row.length + 1;
      i++;
    }
    if (rows.length === 0) break;
    yield push(`INSERT INTO \`REG_LOG\` VALUES ${rows.join(',')};\n`);
  }
  yield push(FOOTER);
}

// ---------------------------------------------------------------------------------------------
// The many-tables shape.

/** A small deterministic PRNG (mulberry32), so the same arguments give the same dump. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANY_HEADER = `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: db.internal    Database: shop
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

`;

const MANY_FOOTER = `/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2026-11-30 23:59:59
`;

/** Table charsets and collations, as mysqldump writes them (some of them the target lacks). */
const TABLE_CHARSETS = [
  'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci',
  'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci',
  'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'DEFAULT CHARSET=latin1',
  'DEFAULT CHARSET=utf8mb3',
  'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
];
const COLUMN_CHARSETS = [
  '',
  '',
  '',
  ' CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin',
  ' CHARACTER SET latin1 COLLATE latin1_swedish_ci',
  ' COLLATE utf8mb4_general_ci',
  ' CHARACTER SET ascii',
];
const WORDS = ['order', 'item', 'user', 'cart', 'price', 'note', 'event', 'audit', 'token', 'blob', 'tag', 'log'];
const TEXTS = [
  "it\\'s a \\'quoted\\' value; USING HASH",
  'line one\\nline two\\r\\nwith \\\\ backslash',
  'Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, \u00fcber na\u00efve',
  '\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 \u{1f600}',
  '/* not a comment */ -- nor this # nor this',
  'a \\"double\\" quote and a ; semicolon',
  'INSERT INTO x VALUES (1);',
  'plain text without anything special in it at all',
];

/** One table: its columns, as [name, type, value(rnd, row) → SQL literal]. */
function tableSpec(k, rnd) {
  const name = `${WORDS[k % WORDS.length]}_${WORDS[(k * 7 + 3) % WORDS.length]}_${k}`;
  const columns = [['id', 'bigint NOT NULL AUTO_INCREMENT', (_r, row) => String(row + 1)]];
  const count = 3 + Math.floor(rnd() * 8);
  for (let c = 0; c < count; c++) {
    const pick = Math.floor(rnd() * 7);
    const col = `${WORDS[(k + c) % WORDS.length]}_${c}`;
    if (pick === 0)
      columns.push([col, 'int DEFAULT NULL', (r) => (r() < 0.1 ? 'NULL' : String(Math.floor(r() * 2e6) - 1e6))]);
    else if (pick === 1) {
      const cs = COLUMN_CHARSETS[Math.floor(rnd() * COLUMN_CHARSETS.length)];
      columns.push([
        col,
        `varchar(${32 << Math.floor(rnd() * 4)})${cs} NOT NULL DEFAULT ''`,
        (r) => `'${TEXTS[Math.floor(r() * TEXTS.length)]}'`,
      ]);
    } else if (pick === 2)
      columns.push([
        col,
        'datetime NOT NULL',
        (r) => `'20${10 + Math.floor(r() * 16)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} 12:34:56'`,
      ]);
    else if (pick === 3) columns.push([col, 'decimal(12,2) DEFAULT NULL', (r) => (r() * 1e6).toFixed(2)]);
    else if (pick === 4)
      columns.push([
        col,
        'text',
        (r) =>
          r() < 0.2 ? 'NULL' : `'${TEXTS[Math.floor(r() * TEXTS.length)]} ${TEXTS[Math.floor(r() * TEXTS.length)]}'`,
      ]);
    else if (pick === 5)
      columns.push([
        col,
        'varbinary(16) DEFAULT NULL',
        (r) =>
          `0x${Math.floor(r() * 2 ** 52)
            .toString(16)
            .padStart(14, '0')}`,
      ]);
    else
      columns.push([
        col,
        "enum('new','paid','shipped') NOT NULL DEFAULT 'new'",
        (r) => `'${['new', 'paid', 'shipped'][Math.floor(r() * 3)]}'`,
      ]);
  }
  return { name, columns };
}

function createTable(k, spec, rnd) {
  const lines = spec.columns.map(([c, type]) => `  \`${c}\` ${type}`);
  lines.push('  PRIMARY KEY (`id`)');
  const second = spec.columns[1][0];
  if (rnd() < 0.5) lines.push(`  KEY \`idx_${second}\` (\`${second}\`) USING HASH`);
  else lines.push(`  KEY \`idx_${second}\` (\`${second}\`)`);
  if (rnd() < 0.2) lines.push(`  UNIQUE KEY \`uq_${k}\` USING BTREE (\`id\`,\`${second}\`)`);
  const charset = TABLE_CHARSETS[Math.floor(rnd() * TABLE_CHARSETS.length)];
  const rowFormat = rnd() < 0.1 ? ' ROW_FORMAT=DYNAMIC' : '';
  let partition = '';
  const p = rnd();
  if (p < 0.1) partition = '\n/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 8 */';
  else if (p < 0.2)
    partition =
      '\n/*!50100 PARTITION BY RANGE (`id`)\n(PARTITION p0 VALUES LESS THAN (100000) ENGINE = InnoDB,\n PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */';
  return (
    `--\n-- Table structure for table \`${spec.name}\`\n--\n\n` +
    `DROP TABLE IF EXISTS \`${spec.name}\`;\n` +
    '/*!40101 SET @saved_cs_client     = @@character_set_client */;\n' +
    '/*!50503 SET character_set_client = utf8mb4 */;\n' +
    `CREATE TABLE \`${spec.name}\` (\n${lines.join(',\n')}\n) ENGINE=InnoDB AUTO_INCREMENT=${1000 + k} ${charset}${rowFormat}${partition};\n` +
    '/*!40101 SET character_set_client = @saved_cs_client */;\n\n'
  );
}

/**
 * Yields the many-tables dump in pieces (a table's framing, or one extended INSERT of at most
 * ~1 MB, as mysqldump's net_buffer_length makes them) until about `size` bytes.
 */
export function* manyTablesChunks(size, { tables = 2500, seed = 12 } = {}) {
  const rnd = prng(seed);
  let written = 0;
  const push = (s) => {
    written += Buffer.byteLength(s);
    return s;
  };
  yield push(MANY_HEADER);
  const budget = Math.max(0, size - MANY_HEADER.length - MANY_FOOTER.length);
  // Skewed table sizes: weights drawn from a heavy-tailed distribution, scaled to the budget.
  const weights = Array.from({ length: tables }, () => 1 / (0.02 + rnd()) ** 1.5);
  const after = new Float64Array(tables + 1); // after[k]: the weights of tables k…
  for (let k = tables - 1; k >= 0; k--) after[k] = after[k + 1] + weights[k];
  for (let k = 0; k < tables; k++) {
    const spec = tableSpec(k, rnd);
    const head = createTable(k, spec, rnd);
    const quota = Math.floor(((budget - written) * weights[k]) / after[k]);
    yield push(head);
    yield push(`--\n-- Dumping data for table \`${spec.name}\`\n--\n\nLOCK TABLES \`${spec.name}\` WRITE;\n`);
    yield push(`/*!40000 ALTER TABLE \`${spec.name}\` DISABLE KEYS */;\n`);
    let left = quota - 250;
    let row = 0;
    while (left > 100) {
      const rows = [];
      let len = 0;
      const prefix = `INSERT INTO \`${spec.name}\` VALUES `;
      while (len < Math.min(1024 * 1024 - 1024, left - prefix.length - 2)) {
        const r = `(${spec.columns.map(([, , value]) => value(rnd, row)).join(',')})`;
        rows.push(r);
        len += Buffer.byteLength(r) + 1;
        row++;
      }
      if (rows.length === 0) break;
      const insert = push(`${prefix}${rows.join(',')};\n`);
      left -= Buffer.byteLength(insert);
      yield insert;
    }
    yield push(`/*!40000 ALTER TABLE \`${spec.name}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`);
  }
  yield push(MANY_FOOTER);
}

/** The chunks of a dump of the given shape ('one-table' or 'many-tables'). */
export function shapeChunks(shape, size, options = {}) {
  if (shape === 'many-tables') return manyTablesChunks(size, options);
  if (shape === 'one-table') return dumpChunks(size);
  throw new Error(`unknown shape: ${shape} (one-table or many-tables)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const k = process.argv.indexOf(name);
    return k >= 0 ? process.argv[k + 1] : fallback;
  };
  const size = parseSize(arg('--size', '1G'));
  const tables = Number(arg('--tables', '2500'));
  for (const chunk of shapeChunks(arg('--shape', 'one-table'), size, { tables })) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}
