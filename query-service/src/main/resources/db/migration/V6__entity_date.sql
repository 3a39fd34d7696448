-- The (entity, date) access path of a search (issue 6).
--
-- A ranked search with an entity filter and a date range reads the window (the newest matches) newest first. Read from
-- article_date_idx, that is every article of the range (~10,000 a year at 100,000 articles) until the window is full;
-- read from the entity's own articles newest first, it is only the entity's articles of the range, each tested for the
-- words. article_entity carries the article's sort key for that: sort_date is the article's date as the search sorts
-- and filters it (article.article_date, 0001-01-01 when undated: coalesce(article_date, DATE '0001-01-01')).
-- ReadModelStore writes it with every article_entity row; an enrichment replaces all of an article's rows in the
-- transaction that updates the article, so a changed date moves the rows with it.
--
-- The column gets its value for the rows already there from article (undated rows keep the default); the default is
-- dropped afterwards, so that a writer that forgets the column fails instead of filing an article as undated.
ALTER TABLE article_entity ADD COLUMN sort_date date NOT NULL DEFAULT DATE '0001-01-01';
-- (entity_id, month) served no query; dropped before the update so that it is not maintained for every row
DROP INDEX article_entity_entity_idx;
UPDATE article_entity ae SET sort_date = a.article_date
FROM article a WHERE a.id = ae.article_id AND a.article_date IS NOT NULL;
ALTER TABLE article_entity ALTER COLUMN sort_date DROP DEFAULT;
-- plain columns (no expression), so that the window's scan of it can be index-only; it serves look-ups by entity too
CREATE INDEX article_entity_date_idx ON article_entity (entity_id, sort_date DESC, article_id DESC);
ANALYZE article_entity;
