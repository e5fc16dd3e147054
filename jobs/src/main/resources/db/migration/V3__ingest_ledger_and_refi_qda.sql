-- Incremental ingest, per-run input lines, REFI-QDA imports. Plain SQL for H2 and PostgreSQL.

-- Every input file as last loaded: its checksum and the fingerprint of everything its validation
-- depended on (upstream inputs, study configuration). An unchanged fingerprint skips the file.
create table input_file (
  study              varchar(100) not null,
  file_name          varchar(500) not null,
  input_name         varchar(100) not null,
  sha256             varchar(64) not null,
  fingerprint        varchar(64) not null,
  last_run_id        bigint not null,
  read_count         bigint not null,
  loaded_count       bigint not null,
  quarantined_count  bigint not null,
  encoding           varchar(100),
  notes              varchar(4000),
  primary key (study, file_name)
);

-- What each run did with each input: the run report's input lines (read = loaded + quarantined).
create table input_report (
  study              varchar(100) not null,
  job_execution_id   bigint not null,
  input_name         varchar(100) not null,
  file_name          varchar(500) not null,
  sha256             varchar(64) not null,
  status             varchar(20) not null,
  read_count         bigint not null,
  loaded_count       bigint not null,
  quarantined_count  bigint not null,
  encoding           varchar(100),
  notes              varchar(4000)
);
create index input_report_by_run on input_report (study, job_execution_id);

-- Where a source came from (a transcript file, or the text inside a REFI-QDA project), its original
-- format and how its line endings were mapped to the canonical LF text.
alter table source add column origin varchar(20) default 'transcript' not null;
alter table source add column original_format varchar(10);
alter table source add column line_endings varchar(10);

-- The codebook of each imported REFI-QDA project, merged into the study's categories.
create table imported_code (
  study        varchar(100) not null,
  project_file varchar(500) not null,
  code_guid    varchar(100) not null,
  parent_guid  varchar(100),
  name         varchar(500) not null,
  description  varchar(4000),
  color        varchar(20),
  codable      boolean not null,
  category     varchar(100) not null,
  theme        varchar(100) not null,
  tool         varchar(200) not null,
  primary key (study, project_file, code_guid)
);

-- Each imported coding of a plain-text selection, with offsets into the canonical text of the
-- source it was mapped to; attached to overlapping segments after annotation.
create table imported_selection (
  study          varchar(100) not null,
  project_file   varchar(500) not null,
  selection_guid varchar(100) not null,
  code_guid      varchar(100) not null,
  category       varchar(100) not null,
  source_id      varchar(200) not null,
  start_offset   integer not null,
  end_offset     integer not null,
  provenance     varchar(200) not null,
  coder          varchar(200),
  primary key (study, project_file, selection_guid, code_guid)
);
create index imported_selection_by_source on imported_selection (study, source_id);

-- Provenance joins the coding key, so a person's coding and a rule's coding of the same segment and
-- category are both kept (an audit must tell them apart).
create table coding_v3 (
  study          varchar(100) not null,
  segment_id     varchar(64) not null,
  category       varchar(100) not null,
  provenance     varchar(200) not null,
  matched_terms  varchar(1000),
  primary key (study, segment_id, category, provenance)
);
insert into coding_v3 (study, segment_id, category, provenance, matched_terms)
  select study, segment_id, category, provenance, matched_terms from coding;
drop table coding;
alter table coding_v3 rename to coding;
