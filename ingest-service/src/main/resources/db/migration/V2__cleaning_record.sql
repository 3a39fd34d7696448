-- What cleaning did to each article (JSON of CleaningRecord), shown with the article.
alter table article add column cleaning text;
