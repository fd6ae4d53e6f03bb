import { describe } from 'vitest';
import rule from '../../rules/no-unsupported-routine-feature.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsupported-routine-feature', () => {
  ruleTester(rule, {
    valid: [
      'DELIMITER $$\nCREATE PROCEDURE p(IN x INT)\nBEGIN\n  IF x = 1 THEN SELECT 1; END IF;\n  SELECT CASE x WHEN 1 THEN 1 ELSE 2 END;\n  SET @y = CASE WHEN x > 0 THEN 1 END;\nEND$$\nDELIMITER ;',
      "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  -- CASE x WHEN 1 THEN SELECT 1; END CASE;\n  SELECT 'RESIGNAL';\nEND$$\nDELIMITER ;",
      'SAVEPOINT s1;',
      'ALTER TABLE t ADD COLUMN c INT;',
    ],
    invalid: [
      {
        code: 'DELIMITER $$\nCREATE PROCEDURE p(IN x INT)\nBEGIN\n  CASE x\n    WHEN 1 THEN SELECT 1;\n  END CASE;\nEND$$\nDELIMITER ;',
        output: null,
        errors: [{ messageId: 'caseStatement', line: 4, column: 3 }],
      },
      {
        code: 'DELIMITER $$\nCREATE PROCEDURE q()\nBEGIN\n  DECLARE EXIT HANDLER FOR SQLEXCEPTION RESIGNAL;\n  SAVEPOINT s1;\n  ROLLBACK TO SAVEPOINT s1;\n  RELEASE SAVEPOINT s1;\nEND$$\nDELIMITER ;',
        output: null,
        errors: [
          { messageId: 'resignal', line: 4 },
          { messageId: 'savepoint', line: 5 },
          { messageId: 'savepoint', line: 6 },
          { messageId: 'savepoint', line: 7 },
        ],
      },
      {
        code: 'DELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a THEN case NEW.a when 1 then set NEW.b = 1; end case; END IF; END$$\nDELIMITER ;',
        output: null,
        errors: [{ messageId: 'caseStatement' }],
      },
      {
        code: "ALTER PROCEDURE p COMMENT 'x';",
        output: null,
        errors: [{ messageId: 'alterRoutine', column: 1, endColumn: 16 }],
      },
      { code: 'alter function f sql security invoker;', output: null, errors: [{ messageId: 'alterRoutine' }] },
    ],
  });
});
