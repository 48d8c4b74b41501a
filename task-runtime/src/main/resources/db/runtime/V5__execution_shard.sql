-- The fan-out shard of an execution (issue 13): SHARD_INDEX of SHARD_COUNT, 0 of 1 when the task
-- was not fanned out (also for every run recorded before this column existed). V5, not V4: the
-- stop-reason column (issue 10) takes V4; Flyway accepts the gap.
alter table runtask_task_execution add column shard_index integer not null default 0;
alter table runtask_task_execution add column shard_count integer not null default 1;
