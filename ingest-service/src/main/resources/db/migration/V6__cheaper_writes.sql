-- Cheaper writes for a batch of articles (bench/ingest):
-- * an article's 32 LSH band keys are written with the article, in its transaction, and never without it; the
--   foreign key cost one referential-integrity query (and a key-share lock on the article row) per band key.
alter table article_band drop constraint if exists article_band_article_id_fkey;
-- * the outbox payload (the whole article as JSON) is updated twice after it is written (claimed, published):
--   kept inline and compressed, each update wrote it again; kept out of line, an update copies only its pointer.
alter table outbox_event alter column payload set storage external;
