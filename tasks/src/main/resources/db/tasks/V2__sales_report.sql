-- Reports written by export-sales-report through try/confirm/cancel: the row is PENDING while the
-- report object sits under a pending key, CONFIRMED once the object is at its final key,
-- CANCELLED (object deleted) when anything failed.
create table sales_report (
    report_id      varchar(64)              not null primary key,
    object_key     varchar(500)             not null,
    sale_count     integer                  not null,
    total          numeric(16, 2)           not null,
    status         varchar(16)              not null,
    tcc_attempt_id varchar(64)              not null,
    created_at     timestamp with time zone not null
);
