// The official SARIF 2.1.0 schema, for the tests of the SARIF output.
import { createRequire } from 'node:module';

/**
 * The official SARIF 2.1.0 schema, compiled (the CommonJS packages through require, for their real
 * default exports): `validate(log)` is true for a valid log, and `validate.errors` says why not.
 */
export function sarifValidator() {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}
