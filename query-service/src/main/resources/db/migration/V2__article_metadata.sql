-- Article metadata carried from ingest: by-line, language confidence, where the date came from,
-- content hash, and the record of what cleaning did (JSON of contracts.CleaningRecord).
alter table article add column author text;
alter table article add column language_confidence double precision not null default 0;
alter table article add column date_source text;
alter table article add column content_hash text;
alter table article add column cleaning jsonb;
