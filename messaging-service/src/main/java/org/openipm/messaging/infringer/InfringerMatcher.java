package org.openipm.messaging.infringer;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a shipment's consignor or online seller matches an entry of a brand's list of known infringers
 * (pure; no framework, no regular expression from tenants: entries are compared as normalised strings).
 * <p>
 * What matches:
 * <ul>
 * <li>{@code CONSIGNOR_NAME} / {@code CONSIGNOR_ADDRESS}: the whole name (address) once both sides are reduced to
 * their letters and digits, in lower case, accents removed: {@code "BEST-WATCHES, Ltd."} matches
 * {@code "best watches ltd"} and {@code "Bestwatches Ltd"}; {@code "Müller GmbH"} matches {@code "MULLER GMBH"}.</li>
 * <li>{@code SELLER_DOMAIN}: the seller URL's host is the domain or one of its subdomains ({@code fake.example}
 * matches {@code https://shop.fake.example/x}), never a longer name ({@code notfake.example}).</li>
 * <li>{@code SELLER_URL}: same host and the entry's path is a prefix of the seller's path by whole segments
 * ({@code /store/best} matches {@code /store/best/item/7}, not {@code /store/bestseller}); scheme, port, query
 * and fragment are ignored, host and path compared without case.</li>
 * <li>Hosts lose a leading {@code www.} and a trailing dot; international names compare in their ASCII form; a
 * seller written without scheme ({@code www.fake.example/x}) is read as http.</li>
 * </ul>
 * What does not: part of a name ({@code "Best Watches"} against {@code "Best Watches Trading"}), other legal forms
 * ({@code Ltd} / {@code Limited}), abbreviations ({@code Rd} / {@code Road}), transliterations or typos; a
 * {@code SELLER_URL} entry for other subdomains of its host; names against addresses or URLs; the country.
 * Names and addresses with fewer than three letters or digits match nothing.
 */
public final class InfringerMatcher {

    public static final String SELLER_URL = "SELLER_URL";
    public static final String SELLER_DOMAIN = "SELLER_DOMAIN";
    public static final String CONSIGNOR_NAME = "CONSIGNOR_NAME";
    public static final String CONSIGNOR_ADDRESS = "CONSIGNOR_ADDRESS";
    static final int MIN_SIGNIFICANT = 3;

    private InfringerMatcher() {
    }

    /** A shipment's or seizure's consignor as far as it is known; any part may be null. */
    public record Party(String consignorName, String consignorAddress, String sellerUrl) {
    }

    /** What a list entry is compared on: its kind and value as the brand listed it. */
    public record Listed(String kind, String value) {
    }

    /**
     * The key an entry is stored and looked up under: the normalised name or address, or the normalised host of a
     * URL or domain; empty when the value can never match.
     */
    public static Optional<String> keyOf(Listed entry) {
        return switch (entry.kind()) {
            case CONSIGNOR_NAME, CONSIGNOR_ADDRESS -> textKey(entry.value());
            case SELLER_DOMAIN -> host(entry.value());
            case SELLER_URL -> url(entry.value()).map(Url::host);
            default -> Optional.empty();
        };
    }

    /** The keys under which entries that may match the party are stored, one query's worth. */
    public static Lookup lookupOf(Party party) {
        Optional<Url> seller = url(party.sellerUrl());
        List<String> hosts = seller.map(u -> hostAndParents(u.host())).orElse(List.of());
        return new Lookup(textKey(party.consignorName()).orElse(null), textKey(party.consignorAddress()).orElse(null),
                seller.map(Url::host).orElse(null), hosts);
    }

    /**
     * @param name normalised consignor name, or null
     * @param address normalised consignor address, or null
     * @param sellerHost the seller URL's normalised host, or null
     * @param sellerHostAndParents that host and each domain it lies in, for domain entries
     */
    public record Lookup(String name, String address, String sellerHost, List<String> sellerHostAndParents) {
        public boolean empty() {
            return name == null && address == null && sellerHost == null;
        }
    }

    public static boolean matches(Listed entry, Party party) {
        return switch (entry.kind()) {
            case CONSIGNOR_NAME -> sameText(entry.value(), party.consignorName());
            case CONSIGNOR_ADDRESS -> sameText(entry.value(), party.consignorAddress());
            case SELLER_DOMAIN -> host(entry.value()).flatMap(domain -> url(party.sellerUrl())
                    .map(seller -> seller.host().equals(domain) || seller.host().endsWith("." + domain)))
                    .orElse(false);
            case SELLER_URL -> url(entry.value()).flatMap(listed -> url(party.sellerUrl())
                    .map(seller -> seller.host().equals(listed.host()) && startsWith(seller.path(), listed.path())))
                    .orElse(false);
            default -> false;
        };
    }

    /** Letters and digits only, lower case, accents removed; empty when fewer than three remain. */
    public static Optional<String> textKey(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder();
        decomposed.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> key.appendCodePoint(Character.toLowerCase(c)));
        String folded = key.toString().toLowerCase(Locale.ROOT);
        return folded.codePointCount(0, folded.length()) < MIN_SIGNIFICANT ? Optional.empty() : Optional.of(folded);
    }

    /** A URL's host (normalised) and its path segments in lower case; empty when it has no host. */
    record Url(String host, List<String> path) {
    }

    static Optional<Url> url(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String path = uri.getPath() == null ? "" : uri.getPath();
            List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT)).toList();
            return host(uri.getHost()).map(host -> new Url(host, segments));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Lower case, ASCII form, without a trailing dot or one leading {@code www.}; empty unless two labels remain. */
    static Optional<String> host(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String host = raw.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.contains(".") && !host.startsWith(".") ? Optional.of(host) : Optional.empty();
    }

    private static List<String> hostAndParents(String host) {
        List<String> hosts = new ArrayList<>();
        String current = host;
        while (current.contains(".")) {
            hosts.add(current);
            current = current.substring(current.indexOf('.') + 1);
        }
        return hosts;
    }

    private static boolean sameText(String listed, String given) {
        Optional<String> key = textKey(listed);
        return key.isPresent() && key.equals(textKey(given));
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
