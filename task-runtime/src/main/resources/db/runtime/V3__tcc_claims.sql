-- Which attempt owns each final object (issue 9: TCC never deletes a confirmed object).
-- claimed_uri is the object's full location (store + key) while its attempt is PENDING or
-- CONFIRMED, and null once the attempt is CANCELLED: the unique index lets one live attempt own a
-- location, and cancel deletes a final object only when its attempt holds that claim. Rows of
-- attempts from before this migration have no claim; the coordinator also refuses any final key
-- that already exists in the store, which protects their objects.
alter table runtask_tcc_object add column claimed_uri varchar(2000);

create unique index runtask_tcc_object_claimed_uri on runtask_tcc_object (claimed_uri);
