-- The staged store: one night's view of a study's inputs and what the pipeline derived from them.
-- Every table is keyed by study so several studies share one database.

create table study_case (
  study       varchar(100) not null,
  case_id     varchar(100) not null,
  name        varchar(500) not null,
  primary key (study, case_id)
);

create table case_attribute (
  study       varchar(100) not null,
  case_id     varchar(100) not null,
  attribute   varchar(100) not null,
  attr_value  varchar(200) not null,
  primary key (study, case_id, attribute)
);

create table participant (
  study           varchar(100) not null,
  participant_id  varchar(100) not null,
  case_id         varchar(100) not null,
  interview_date  date,
  primary key (study, participant_id)
);

create table participant_attribute (
  study           varchar(100) not null,
  participant_id  varchar(100) not null,
  attribute       varchar(100) not null,
  attr_value      varchar(200) not null,
  primary key (study, participant_id, attribute)
);

create table response (
  study           varchar(100) not null,
  participant_id  varchar(100) not null,
  item_id         varchar(100) not null,
  happening       varchar(20) not null,
  importance      integer,
  primary key (study, participant_id, item_id)
);

-- One row per transcript; body is the canonical plain text (NFC, LF) every offset refers to.
create table source (
  study             varchar(100) not null,
  source_id         varchar(200) not null,
  participant_id    varchar(100) not null,
  file_name         varchar(500) not null,
  sha256            varchar(64) not null,
  annotated_sha256  varchar(64),
  char_count        integer not null,
  body              varchar not null,
  primary key (study, source_id)
);

create table segment (
  study           varchar(100) not null,
  segment_id      varchar(64) not null,
  source_id       varchar(200) not null,
  participant_id  varchar(100) not null,
  turn_index      integer not null,
  speaker_role    varchar(20) not null,
  speaker_label   varchar(100),
  start_offset    integer not null,
  end_offset      integer not null,
  sentence_count  integer not null,
  body            varchar not null,
  lemmas          varchar not null,
  primary key (study, segment_id)
);
create index segment_by_source on segment (study, source_id);

create table coding (
  study          varchar(100) not null,
  segment_id     varchar(64) not null,
  category       varchar(100) not null,
  provenance     varchar(200) not null,
  matched_terms  varchar(1000),
  primary key (study, segment_id, category)
);

create table quarantine (
  study             varchar(100) not null,
  job_execution_id  bigint not null,
  input_name        varchar(100) not null,
  file_name         varchar(500) not null,
  location          varchar(100) not null,
  reason            varchar(2000) not null,
  record_text       varchar(4000)
);
create index quarantine_by_run on quarantine (study, job_execution_id);
