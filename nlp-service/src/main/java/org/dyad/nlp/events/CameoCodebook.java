package org.dyad.nlp.events;

import java.util.HashMap;
import java.util.Map;

/**
 * CAMEO codes with their names and Goldstein scores (from the ICEWS code table) and their PLOVER type and mode
 * (from the CAMEO-to-PLOVER table); the quad class follows from the root code.
 */
final class CameoCodebook {

    /** One CAMEO code as published on an event. */
    record Code(String code, String name, double goldstein, int quadClass, String ploverType, String ploverMode) {
    }

    private final Map<String, Code> codes = new HashMap<>();

    CameoCodebook() {
        Map<String, String[]> plover = new HashMap<>();
        for (String line : Resources.lines("cameo-to-plover.txt")) {
            // "042: CONSULT, visit,   # Make a visit": type, mode, context, then the name after '#'.
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).strip().matches("\\d{2,4}")) {
                continue;
            }
            String body = line.substring(colon + 1);
            int hash = body.indexOf('#');
            String[] fields = (hash >= 0 ? body.substring(0, hash) : body).split(",", -1);
            String type = fields[0].strip();
            String mode = fields.length > 1 ? fields[1].strip() : "";
            plover.putIfAbsent(line.substring(0, colon).strip(),
                    new String[] {type.isEmpty() ? null : type, mode.isEmpty() ? null : mode});
        }
        for (String line : Resources.lines("cameo-codes.tsv")) {
            String[] f = line.split("\t");
            String code = f[0];
            String[] p = plover.get(code);
            if (p == null && code.length() > 3) {
                // A four-digit code the PLOVER table does not list takes its three-digit parent's type.
                p = plover.get(code.substring(0, 3));
            }
            codes.put(code, new Code(code, f[2], Double.parseDouble(f[1]), quadClass(code),
                    p == null ? null : p[0], p == null ? null : p[1]));
        }
    }

    /** The code, or null when CAMEO has no such code. */
    Code get(String code) {
        return codes.get(code);
    }

    boolean contains(String code) {
        return codes.containsKey(code);
    }

    /** 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). */
    static int quadClass(String code) {
        int root = Integer.parseInt(code.substring(0, 2));
        if (root <= 5) {
            return 1;
        }
        if (root <= 8) {
            return 2;
        }
        return root <= 13 ? 3 : 4;
    }
}
