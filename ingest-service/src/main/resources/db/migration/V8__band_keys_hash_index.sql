-- The LSH band keys are found by equality only, at random keys (32 probes and 32 inserts an article): a hash index
-- reaches a key's bucket in one page where the primary key's B-tree descended three levels, and it need not check
-- uniqueness (an article's keys are written once, with the article: ArticleRows). The band keys' server CPU per
-- article fell by about 40 % in bench/ingest (README). Nothing reads the pairs in key order.
alter table article_band drop constraint if exists article_band_pkey;
create index if not exists article_band_key on article_band using hash (band_key);
