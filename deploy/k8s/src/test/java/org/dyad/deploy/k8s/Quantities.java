package org.dyad.deploy.k8s;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities (512Mi, 2Gi, 1.5G) as bytes. */
final class Quantities {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("k", BigDecimal.valueOf(1_000L)), Map.entry("M", BigDecimal.valueOf(1_000_000L)),
            Map.entry("G", BigDecimal.valueOf(1_000_000_000L)), Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)));
    private static final Pattern QUANTITY = Pattern.compile("^(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|)$");

    private Quantities() {
    }

    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory quantity: '" + quantity + "'");
        }
        return new BigDecimal(m.group(1)).multiply(SUFFIXES.get(m.group(2))).longValueExact();
    }
}
