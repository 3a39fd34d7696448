package org.dyad.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.dyad.query.domain.Article;
import org.dyad.query.domain.Mention;

/** Reads one article of the read model with its annotations. */
@ApplicationScoped
public class ArticleReader {

    /** The article and its mentions, read in one transaction so they belong to the same enrichment. */
    @Transactional
    public Optional<ArticleDetail> find(UUID id) {
        return Article.<Article>findByIdOptional(id)
                .map(article -> new ArticleDetail(article, Mention.ofArticle(id)));
    }
}
