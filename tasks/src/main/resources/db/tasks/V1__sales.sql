-- Sample domain (seed 003). Two aggregates:
--   product             : its own aggregate, referenced from sale lines by id only (no foreign key),
--                         so products can be changed or removed without touching past sales;
--   sale + sale_line    : one aggregate, written in one transaction, so the foreign key holds.
-- The unit price is copied onto the sale line: a later price change does not rewrite history.
create table product (
    product_id varchar(40)    not null primary key,
    name       varchar(200)   not null,
    unit_price numeric(12, 2) not null check (unit_price >= 0)
);

create table sale (
    sale_id varchar(40)              not null primary key,
    sold_at timestamp with time zone not null,
    total   numeric(14, 2)           not null
);

create table sale_line (
    sale_id    varchar(40)    not null references sale (sale_id) on delete cascade,
    line_no    integer        not null,
    product_id varchar(40)    not null,
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(12, 2) not null,
    primary key (sale_id, line_no)
);

insert into product (product_id, name, unit_price) values
    ('P-100', 'Espresso beans 1kg', 24.50),
    ('P-200', 'Milk frother', 39.90),
    ('P-300', 'Paper filters (100)', 3.20);
