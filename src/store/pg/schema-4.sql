-- schema-4.sql — both people of an owner change in the history
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Version 4 of the SQLite file: history.old_owner_id and new_owner_id,
-- which the file's sign-off rule reads (docs/approvals.md, "Owners over
-- the deal's life"). The server reads its own owner_log instead, which no
-- client writes; the columns are here so the store's statements run.

SET LOCAL search_path TO salesflow;

ALTER TABLE history ADD COLUMN old_owner_id bigint;
ALTER TABLE history ADD COLUMN new_owner_id bigint;
UPDATE history SET
  old_owner_id = (SELECT min(p.id) FROM persons p WHERE p.name = history.old_value
                  HAVING count(*) = 1),
  new_owner_id = (SELECT min(p.id) FROM persons p WHERE p.name = history.new_value
                  HAVING count(*) = 1)
  WHERE field = 'owner';

UPDATE meta SET value = '4' WHERE key = 'schema_version';
