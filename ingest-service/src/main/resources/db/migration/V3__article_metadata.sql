-- By-line and the confidence of the detected language.
alter table article add column author text;
alter table article add column language_confidence double precision not null default 0;
