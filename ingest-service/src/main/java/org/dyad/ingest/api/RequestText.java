package org.dyad.ingest.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Decodes a text request body strictly: malformed bytes in the declared charset (UTF-8 by default)
 * and binary data are refused rather than stored as replacement characters.
 */
final class RequestText {

    /** Above this share of control characters a body is binary, whatever its Content-Type says. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private RequestText() {
    }

    /** Refuses a single-article body over the limit (batches have a larger one of their own). */
    static void checkSize(byte[] body, int limit) {
        if (body != null && body.length > limit) {
            throw HttpProblem.builder().withStatus(413).withType(ProblemTypes.type("article-too-large"))
                    .withTitle("Article too large")
                    .withDetail("The body has " + body.length + " bytes; one article may have at most " + limit + ".")
                    .build();
        }
    }

    static String decode(byte[] body, MediaType type) {
        if (body == null || body.length == 0) {
            throw ArticleResource.problem("empty-body", "The request has no article text.");
        }
        Charset charset = charset(type);
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ArticleResource.problem("invalid-encoding", "The body is not valid " + charset.name() + " text.");
        }
        if (isBinary(text)) {
            throw ArticleResource.problem("binary-content", "The body holds binary data, not text.");
        }
        return text;
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw HttpProblem.builder().withStatus(415).withType(ProblemTypes.type("unsupported-charset"))
                    .withTitle("Unsupported charset").withDetail("The charset '" + name + "' is not supported.").build();
        }
    }

    private static boolean isBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control > text.length() * MAX_CONTROL_SHARE;
    }
}
