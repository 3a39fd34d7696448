-- Near duplicates (syndicated or lightly edited copies): the MinHash signature of the cleaned text, the
-- cluster the article joined (the id of the cluster's first article) and how similar it was to the
-- article that brought it in.
alter table article add column signature bytea;
alter table article add column cluster_id uuid;
alter table article add column near_duplicate_of uuid;
alter table article add column near_duplicate_similarity double precision;
update article set cluster_id = id where cluster_id is null;
create index article_cluster on article (cluster_id);

-- LSH band keys: articles sharing any key are the candidates a new article is compared with.
create table article_band (
    band_key   bigint not null,
    article_id uuid   not null references article (id),
    primary key (band_key, article_id)
);
