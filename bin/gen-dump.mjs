#!/usr/bin/env node
// Development tool (not installed as a command): writes a mysqldump-style file of a chosen size to
// standard output, for the benchmark and the bounded-memory test. A WSO2-like schema with
// /*!40101 … */ headers and USING HASH, then LOCK TABLES and extended INSERTs whose strings
// hold quotes, backslashes, `;`, newlines and the words USING HASH.
//   node bin/gen-dump.mjs --size 1G > dump.sql
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

/** Yields the dump in chunks of about 1 MB (one extended INSERT each) until `size` bytes. */
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const k = process.argv.indexOf('--size');
  const size = parseSize(k >= 0 ? process.argv[k + 1] : '1G');
  for (const chunk of dumpChunks(size)) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}
