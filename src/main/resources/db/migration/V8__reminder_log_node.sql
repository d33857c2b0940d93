-- Which node of a cluster claimed (and sent) each reminder: several identical nodes share the job executor's work.
ALTER TABLE reminder_log ADD COLUMN node_id VARCHAR(100);
