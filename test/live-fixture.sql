-- The fixture database of test/live.test.ts: one of everything a live check reads, on MariaDB.
-- Loaded with the mariadb client into an empty database.

-- Foreign keys against name order: child before parent alphabetically, and a cycle (a <-> b).
CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE child (
  id INT PRIMARY KEY,
  parent_id INT,
  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE a (id INT PRIMARY KEY, b_id INT) ENGINE=InnoDB;
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id)) ENGINE=InnoDB;
ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id);

-- Engines, partitions, indexes and types the target treats differently.
CREATE TABLE cache (
  k VARCHAR(40) NOT NULL PRIMARY KEY,
  v VARCHAR(200),
  KEY by_v (v) USING HASH
) ENGINE=MEMORY DEFAULT CHARSET=latin1;
CREATE TABLE log (id INT NOT NULL, ts DATE NOT NULL, PRIMARY KEY (id, ts)) ENGINE=InnoDB
  PARTITION BY HASH (id) PARTITIONS 4;
CREATE TABLE hist (id INT NOT NULL, y INT NOT NULL) ENGINE=InnoDB
  PARTITION BY RANGE (y) (PARTITION p_old VALUES LESS THAN (2000), PARTITION p_new VALUES LESS THAN MAXVALUE);
CREATE TABLE doc (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE place (id INT PRIMARY KEY, pos POINT NOT NULL, SPATIAL KEY sp_pos (pos)) ENGINE=InnoDB;
CREATE TABLE wide (
  id INT PRIMARY KEY,
  name VARCHAR(20) CHARACTER SET ucs2,
  note VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
CREATE SEQUENCE ticket_seq START WITH 100 INCREMENT BY 10;
INSERT INTO parent VALUES (1, 'one'), (2, 'two');
INSERT INTO cache VALUES ('k', 'v');

-- Routines, a view that calls one, views named against their dependency order, a trigger, an event.
DELIMITER $$
CREATE FUNCTION label(n VARCHAR(40)) RETURNS VARCHAR(80) DETERMINISTIC RETURN CONCAT('#', n)$$
CREATE PROCEDURE purge_log(IN days INT)
BEGIN
  DECLARE kept INT DEFAULT 0;
  CASE WHEN days IS NULL THEN SET kept = 0;
       ELSE SET kept = days;
  END CASE;
  DELETE FROM log WHERE ts < CURRENT_DATE - INTERVAL kept DAY;
END$$
CREATE TRIGGER child_bi BEFORE INSERT ON child FOR EACH ROW
BEGIN
  IF NEW.parent_id IS NULL THEN SET NEW.parent_id = 1; END IF;
END$$
CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO CALL purge_log(30)$$
DELIMITER ;
CREATE VIEW z_parent AS SELECT id, label(name) AS tag FROM parent;
CREATE VIEW a_tagged AS SELECT z.id, z.tag, c.id AS child_id FROM z_parent z JOIN child c ON c.parent_id = z.id;
CREATE VIEW m_checked AS SELECT id, name FROM parent WHERE id > 0 WITH CHECK OPTION;
