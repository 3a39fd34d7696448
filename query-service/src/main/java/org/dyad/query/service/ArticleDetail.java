package org.dyad.query.service;

import java.util.List;
import org.dyad.query.domain.Article;
import org.dyad.query.domain.Mention;

/** An article with its mentions in text order, each with its entity already loaded. */
public record ArticleDetail(Article article, List<Mention> mentions) {
}
