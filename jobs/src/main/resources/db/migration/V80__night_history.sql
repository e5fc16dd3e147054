-- What each night found, kept so the next night can say what changed: its patterns (key: pattern
-- id, value: strength), item statistics over all answers (key: item id, value: in-place share,
-- count: answers counted) and transcripts (key: source id, detail: participant id).
-- Plain SQL for H2 and PostgreSQL.
create table night_history (
  study             varchar(100) not null,
  job_execution_id  bigint not null,
  kind              varchar(20) not null,
  entry_key         varchar(300) not null,
  entry_value       double precision,
  entry_count       integer,
  detail            varchar(1000),
  primary key (study, job_execution_id, kind, entry_key)
);
