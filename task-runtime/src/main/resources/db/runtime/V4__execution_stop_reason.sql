-- Why a run ended other than by finishing (issue 10): the signal that stopped it, the watchdog's
-- forced exit, or "abandoned" when its process vanished (kill -9) and a later run noticed.
alter table runtask_task_execution add column stop_reason varchar(300);
