import { describe } from 'vitest';
import rule from '../../rules/no-event.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-event', () => {
  ruleTester(rule, {
    valid: [
      'DROP TABLE event;',
      "INSERT INTO log (kind) VALUES ('CREATE EVENT');",
      '-- CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;\nSELECT 1;',
      'SET @event_scheduler_note = 1;',
    ],
    invalid: [
      {
        code: 'CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO DELETE FROM log;\nSELECT 1;',
        output: 'SELECT 1;',
        errors: [{ messageId: 'event', column: 8, fix: 'lossy' }],
      },
      {
        code: 'DELIMITER $$\nCREATE DEFINER=`root`@`%` EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN DELETE FROM a; DELETE FROM b; END$$\nDELIMITER ;\n',
        output: 'DELIMITER $$\nDELIMITER ;\n',
        errors: [{ messageId: 'event', line: 2 }],
      },
      {
        name: "DEFINER = CURRENT_USER() (debezium's parser corpus)",
        code: "create definer = current_user() event e2 on schedule at '2016-11-03 23:59:00'\ndo update t2 set c = c + 1;\nSELECT 1;",
        output: 'SELECT 1;',
        errors: [{ messageId: 'event', line: 1, column: 33, fix: 'lossy' }],
      },
      { code: 'drop event if exists purge;', output: '', errors: [{ messageId: 'event' }] },
      { code: 'ALTER EVENT purge DISABLE;', output: '', errors: [{ messageId: 'event' }] },
      { code: 'SET GLOBAL event_scheduler = ON;', output: '', errors: [{ messageId: 'scheduler' }] },
      { code: 'SET @@global.event_scheduler = 1;', output: '', errors: [{ messageId: 'scheduler' }] },
    ],
  });
});
