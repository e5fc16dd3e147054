-- Which sources are aligned from what is now kept with the other per-source steps (source_step,
-- step 'align'), so alignment follows the de-identification and coding of each source.
drop table alignment_source;
