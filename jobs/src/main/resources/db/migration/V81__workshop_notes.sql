-- Feedback workshops' notes (data-in/<study>/workshops/<workshop id>/), one row per paragraph, kept
-- apart from participants' transcripts so they never enter participants' statistics. Only the
-- de-identified text is kept. Plain SQL for H2 and PostgreSQL.
create table workshop_note (
  study               varchar(100) not null,
  note_id             varchar(64) not null,
  workshop_id         varchar(100) not null,
  paragraph           integer not null,
  held_on             varchar(20),
  pack                varchar(100),
  stakeholder_groups  varchar(500),
  deidentified_text   varchar not null,
  categories          varchar(2000) not null,
  primary key (study, note_id)
);
