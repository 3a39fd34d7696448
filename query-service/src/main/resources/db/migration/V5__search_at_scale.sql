-- Search at 100,000 articles (issue 6).
--
-- A search matches and ranks its candidates with article.search. Stored out of line (the TOAST table), every
-- candidate cost a TOAST index look-up and a chunk read for the match and again for the rank; that was most of the
-- time of a search at 70,000 articles. STORAGE MAIN keeps the vector in the article row (compressed in place when
-- that pays; moved out only when a row would pass 8 kB), and the text, which only the snippets of one page read,
-- is what goes out of line. SET EXPRESSION with the same expression rewrites the table, so that the rows already
-- there move their vectors in too (a one-time rewrite: about two minutes at 100,000 articles on the shared two-core machine).
ALTER TABLE article ALTER COLUMN search SET STORAGE MAIN;
-- the filter arrays too: with the vector in the row, the row passes the 2 kB at which PostgreSQL moves EXTENDED
-- columns out, and the arrays every candidate is tested against would go to TOAST after the text
ALTER TABLE article ALTER COLUMN entity_ids SET STORAGE MAIN;
ALTER TABLE article ALTER COLUMN entity_types SET STORAGE MAIN;
ALTER TABLE article ALTER COLUMN countries SET STORAGE MAIN;
ALTER TABLE article ALTER COLUMN topics SET STORAGE MAIN;
ALTER TABLE article ALTER COLUMN search SET EXPRESSION AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, text), 'B'));

-- The co-occurring entities of a profile: the top partners of an entity straight from two index ranges (as
-- entity_a, as entity_b), best first, instead of reading every pair row of a much-named entity (thousands of rows on
-- as many pages) and sorting them. These replace pair_total_b_idx, whose look-ups by entity_b they serve as well.
-- The price is on the writer: an update of pair_total now changes indexed columns, so it is no longer a HOT update.
CREATE INDEX pair_total_a_top_idx ON pair_total (entity_a, articles DESC, same_sentences DESC, entity_b);
CREATE INDEX pair_total_b_top_idx ON pair_total (entity_b, articles DESC, same_sentences DESC, entity_a);
DROP INDEX pair_total_b_idx;
