-- Languages: each transcript's detected language (what it is annotated in) with the shares of the
-- languages seen in it, and each segment's own language (a turn may differ from its transcript).
-- Rows staged before languages were detected were annotated in English. Plain SQL for H2 and
-- PostgreSQL.
alter table source add column language varchar(16) default 'en' not null;
alter table source add column language_shares varchar(500);
alter table segment add column language varchar(16) default 'en' not null;
