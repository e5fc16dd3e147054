-- What names a source outside the store: the participant id and a random suffix, never the file's
-- name (a file may be named after the person). Sources staged before get theirs here.
alter table source add column opaque_id varchar(140);
update source set opaque_id =
  participant_id || '-' || substring(replace(cast(random_uuid() as varchar), '-', ''), 1, 12);
alter table source alter column opaque_id set not null;
create unique index source_by_opaque_id on source (study, opaque_id);
