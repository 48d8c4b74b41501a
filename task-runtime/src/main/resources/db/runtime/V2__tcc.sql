-- Try/confirm/cancel attempts (seed 002). An attempt is PENDING from its try until it is
-- CONFIRMED or CANCELLED; PENDING attempts of a crashed run are cancelled by the next run.
create table runtask_tcc_attempt (
    attempt_id  varchar(64)              not null primary key,
    task_name   varchar(200)             not null,
    run_id      varchar(64)              not null,
    status      varchar(16)              not null,
    created_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);

create index runtask_tcc_attempt_task_status on runtask_tcc_attempt (task_name, status);

-- Objects written under a pending key during the try; moved to the final key on confirm.
create table runtask_tcc_object (
    attempt_id  varchar(64)   not null references runtask_tcc_attempt (attempt_id),
    final_key   varchar(1000) not null,
    pending_key varchar(1000) not null,
    primary key (attempt_id, final_key)
);
