-- De-identification: what NER found in each source, the study-wide pseudonyms, and each segment's
-- de-identified text, speaker label and lemmas (what the index, exports and web view read).
-- Plain SQL for H2 and PostgreSQL.

-- Runs of tokens CoreNLP's NER gave one class, with offsets into the source's canonical text.
create table entity_mention (
  study         varchar(100) not null,
  source_id     varchar(200) not null,
  start_offset  integer not null,
  end_offset    integer not null,
  entity_type   varchar(40) not null,
  primary key (study, source_id, start_offset)
);

-- The mapping from an identifier (normalised name, number or address) to its pseudonym, e.g.
-- ("person", "claire patel") -> 7, shown as [PERSON-7]. It never leaves the store.
create table pseudonym (
  study     varchar(100) not null,
  kind      varchar(20) not null,
  name_key  varchar(1000) not null,
  serial    integer not null,
  primary key (study, kind, name_key),
  unique (study, kind, serial)
);

-- Where each source's identifiers were found (offsets into its canonical text) and their kind:
-- for audits and recall measurements. Rewritten by every de-identify step.
create table identifier_span (
  study         varchar(100) not null,
  source_id     varchar(200) not null,
  start_offset  integer not null,
  end_offset    integer not null,
  kind          varchar(20) not null,
  primary key (study, source_id, start_offset)
);

-- Names NER (or a speaker label) showed to be a person, place or organisation somewhere in the
-- study, as written: replaced wherever they are written so. Only ever added to, so a name stays
-- replaced in every transcript after the one it was found in changes or goes.
create table known_name (
  study  varchar(100) not null,
  kind   varchar(20) not null,
  name   varchar(500) not null,
  primary key (study, kind, name)
);

alter table segment add column lemma_starts varchar;
alter table segment add column deidentified_body varchar;
alter table segment add column deidentified_label varchar(200);
alter table segment add column deidentified_lemmas varchar;

-- Sources annotated before NER entities and lemma offsets were kept are annotated again.
update source set annotated_sha256 = null;
