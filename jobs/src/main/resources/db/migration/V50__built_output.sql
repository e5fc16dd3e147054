-- What the store built, per output of a study (the REFI-QDA export, the packs, the index): from
-- which fingerprint, in which run, and which files it consists of (one path a line). A night keeps
-- an output only when the fingerprint is tonight's and every file is still there and readable; a
-- store without a row (a new machine with old outputs copied over) builds the output again.
create table built_output (
  study        varchar(100) not null,
  output_name  varchar(100) not null,
  fingerprint  varchar(64) not null,
  run_id       bigint not null,
  files        varchar not null,
  primary key (study, output_name)
);

-- The annotation settings (annotators, NER sentences, segment size, speaker labels) a source was
-- last annotated with: changing them annotates every source again.
alter table source add column annotated_with varchar(64);

-- Which sources a per-source step (de-identify, auto-code, index, ...) has processed, from what:
-- the step's settings, the fingerprint of its inputs for the source (what the steps before it
-- wrote) and of what it wrote. A night processes only sources whose record is missing or differs.
create table source_step (
  study        varchar(100) not null,
  source_id    varchar(200) not null,
  step_name    varchar(100) not null,
  settings     varchar(64) not null,
  inputs       varchar(64) not null,
  output       varchar(64) not null,
  primary key (study, source_id, step_name)
);

-- Each source's part of the REFI-QDA export as last written: its TextSource element and its text,
-- de-identified, and what they were made from (the source's de-identified text and codings and the
-- settings); the export writes an unchanged source from here instead of de-identifying it again.
create table export_source (
  study        varchar(100) not null,
  source_id    varchar(200) not null,
  inputs       varchar(64) not null,
  fragment     varchar not null,
  exported     varchar not null,
  selections   integer not null,
  codings      integer not null,
  primary key (study, source_id)
);
