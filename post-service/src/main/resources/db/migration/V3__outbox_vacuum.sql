-- The relay finds unpublished events through outbox_unpublished. Every published row leaves a dead entry there
-- until vacuum removes it, and each relay run steps over them (126,000 dead entries: 1.3 ms per run instead of
-- 0.06 ms). The outbox only grows, so by default autovacuum would wait for a fifth of it to be dead: vacuum it
-- after every 10,000 published events instead.
alter table outbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
