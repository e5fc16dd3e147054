-- One row while a study's nightly job runs: who runs it (host and process), which execution, and a
-- heartbeat, so a second run is refused and a lock left by a killed process can be recognised.
create table run_lock (
  study             varchar(100) not null primary key,
  owner_host        varchar(200) not null,
  owner_pid         bigint not null,
  job_execution_id  bigint,
  acquired_at       timestamp not null,
  heartbeat_at      timestamp not null
);
