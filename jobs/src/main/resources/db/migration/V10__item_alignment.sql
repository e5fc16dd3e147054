-- Item alignment: which structured item each participant segment is about, with its evidence.
-- Plain SQL for H2 and PostgreSQL.

-- A segment's sentence embedding (float32, little-endian) and the SHA-256 of the de-identified
-- text it was computed from: recomputed only when that text changes or the segment is replaced.
alter table segment add column embedding bytea;
alter table segment add column embedded_sha256 varchar(64);
alter table segment add column embedding_model varchar(100);

-- One row per segment and item it is aligned to. provenance lists the evidence, comma separated:
-- aligned:question (the interviewer's question it answers), aligned:semantic (its own meaning),
-- rule:<id> and imported:<tool> (codings of a category of the item).
create table item_alignment (
  study       varchar(100) not null,
  segment_id  varchar(64) not null,
  item_id     varchar(100) not null,
  score       double precision not null,
  provenance  varchar(1000) not null,
  primary key (study, segment_id, item_id)
);
create index item_alignment_by_item on item_alignment (study, item_id);

-- What each source's alignments were computed from (its segments' embeddings, codings and the
-- alignment settings): an unchanged source is not aligned again.
create table alignment_source (
  study        varchar(100) not null,
  source_id    varchar(200) not null,
  fingerprint  varchar(64) not null,
  primary key (study, source_id)
);
