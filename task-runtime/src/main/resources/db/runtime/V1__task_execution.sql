-- One row per execution of a task (cf. Spring Cloud Task's TASK_EXECUTION).
create table runtask_task_execution (
    run_id        varchar(64)              not null primary key,
    task_name     varchar(200)             not null,
    arguments     varchar(4000)            not null,
    started_at    timestamp with time zone not null,
    ended_at      timestamp with time zone,
    exit_code     integer,
    error_summary varchar(1000),
    ecs_task_arn  varchar(300),
    launched_by   varchar(300),
    dry_run       boolean                  not null default false
);

create index runtask_task_execution_task_started
    on runtask_task_execution (task_name, started_at);
