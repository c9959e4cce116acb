package org.openipm.product.infringer;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a list entry must look like, by kind (pure, no framework). The rules keep entries matchable and specific: a
 * URL needs a host, a domain at least two labels, a name or address at least three letters or digits. Matching
 * itself (normalisation of case, punctuation, {@code www.}) is messaging-service's, on its copy of the lists.
 */
public final class InfringerRules {

    public static final int MAX_URL = 2048;
    public static final int MAX_DOMAIN = 253;
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_EVIDENCE = 4000;
    static final int MIN_SIGNIFICANT = 3;

    private InfringerRules() {
    }

    /** The value as stored (trimmed; a domain in lower case), or why it is refused. */
    public static Checked check(InfringerKind kind, String raw) {
        String value = raw == null ? "" : raw.strip();
        return switch (kind) {
            case SELLER_URL -> url(value);
            case SELLER_DOMAIN -> domain(value);
            case CONSIGNOR_NAME -> text(value, MAX_NAME, "a name");
            case CONSIGNOR_ADDRESS -> text(value, MAX_ADDRESS, "an address");
        };
    }

    private static Checked url(String value) {
        if (value.length() > MAX_URL) {
            return Checked.refused("at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Checked.refused("must be an http(s) URL such as https://shop.example/store/123");
            }
            if (uri.getHost() == null || hostProblem(uri.getHost()).isPresent()) {
                return Checked.refused("must name a host, such as https://shop.example/store/123");
            }
            return Checked.ok(value);
        } catch (URISyntaxException e) {
            return Checked.refused("is not a URL: " + e.getReason());
        }
    }

    private static Checked domain(String value) {
        if (value.contains("/") || value.contains(":") || value.contains("@")) {
            return Checked.refused("must be a domain without scheme, port or path, such as shop.example (list a "
                    + "page as SELLER_URL)");
        }
        String domain = value.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        Optional<String> problem = hostProblem(domain);
        return problem.map(Checked::refused).orElseGet(() -> Checked.ok(value.toLowerCase(Locale.ROOT)));
    }

    private static Optional<String> hostProblem(String host) {
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a domain name: " + e.getMessage());
        }
        if (ascii.length() > MAX_DOMAIN || !ascii.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}")) {
            return Optional.of("must be a domain name of at least two labels, such as shop.example");
        }
        return Optional.empty();
    }

    private static Checked text(String value, int max, String what) {
        if (value.length() > max) {
            return Checked.refused("at most " + max + " characters");
        }
        long significant = value.codePoints().filter(Character::isLetterOrDigit).count();
        if (significant < MIN_SIGNIFICANT) {
            return Checked.refused("must be " + what + " of at least " + MIN_SIGNIFICANT + " letters or digits");
        }
        return Checked.ok(value);
    }

    /** A value as stored, or the reason it is refused. */
    public record Checked(String value, String problem) {
        static Checked ok(String value) {
            return new Checked(value, null);
        }

        static Checked refused(String problem) {
            return new Checked(null, problem);
        }

        public boolean refused() {
            return problem != null;
        }
    }
}
