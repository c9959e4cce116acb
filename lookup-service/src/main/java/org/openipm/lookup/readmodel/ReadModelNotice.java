package org.openipm.lookup.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What one applied snapshot changed in the shared read model, as every lookup instance hears it (PostgreSQL
 * {@code NOTIFY}, delivered only after the applying transaction commits). Caches use it to drop exactly what went
 * stale: entries showing the product, entries for the GTINs it now claims, IMEI entries when it carries TAC ranges,
 * and the in-memory patterns and company prefixes when those may have changed. {@code everything} asks to forget
 * all (a notice too large to send, or a listener that was disconnected and may have missed notices).
 */
public record ReadModelNotice(UUID productId, List<String> gtins, boolean tacRanges, boolean codeReferences,
        boolean everything) {

    public static final String CHANNEL = "lookup_read_model";
    /** PostgreSQL refuses notification payloads of 8,000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_999;
    private static final String VERSION = "v1";
    private static final String EVERYTHING = VERSION + ";*";

    public static ReadModelNotice ofEverything() {
        return new ReadModelNotice(null, List.of(), false, true, true);
    }

    /** {@code v1;<product id>;<flags T=TAC ranges, R=code references>;<gtin,gtin,...>}, or {@code v1;*}. */
    public String payload() {
        if (everything) {
            return EVERYTHING;
        }
        String payload = VERSION + ';' + productId + ';' + (tacRanges ? "T" : "") + (codeReferences ? "R" : "") + ';'
                + String.join(",", gtins);
        // GTINs and ids are ASCII: the length in chars is the length in bytes.
        return payload.length() > MAX_PAYLOAD_BYTES ? EVERYTHING : payload;
    }

    /** Reads a payload; anything this version cannot read asks to forget everything, which is always safe. */
    public static ReadModelNotice parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(";", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return ofEverything();
        }
        try {
            UUID productId = UUID.fromString(parts[1]);
            List<String> gtins = parts[3].isEmpty() ? List.of() : Arrays.asList(parts[3].split(","));
            return new ReadModelNotice(productId, List.copyOf(gtins), parts[2].contains("T"), parts[2].contains("R"),
                    false);
        } catch (IllegalArgumentException e) {
            return ofEverything();
        }
    }
}
