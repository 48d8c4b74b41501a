-- One sales_report row per export attempt (issue 9): a cancelled attempt's row stays as history
-- instead of holding the report id forever. live_report_id is the report id while the row is
-- PENDING or CONFIRMED and NULL once TCC cancels it, so the unique index allows one live report
-- per id and any number of cancelled attempts before it. Rebuilt through a copy because the
-- primary key moves (there is no portable way to drop one in place on PostgreSQL and H2).
create table sales_report_attempt (
    tcc_attempt_id varchar(64)              not null primary key,
    report_id      varchar(64)              not null,
    live_report_id varchar(64),
    object_key     varchar(500)             not null,
    sale_count     integer                  not null,
    total          numeric(16, 2)           not null,
    status         varchar(16)              not null,
    created_at     timestamp with time zone not null
);

insert into sales_report_attempt (tcc_attempt_id, report_id, live_report_id, object_key,
                                  sale_count, total, status, created_at)
select tcc_attempt_id, report_id,
       case when status = 'CANCELLED' then null else report_id end,
       object_key, sale_count, total, status, created_at
from sales_report;

drop table sales_report;

alter table sales_report_attempt rename to sales_report;

create unique index sales_report_live_report_id on sales_report (live_report_id);

create index sales_report_report_id on sales_report (report_id, created_at);
