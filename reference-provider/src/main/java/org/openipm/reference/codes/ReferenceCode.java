package org.openipm.reference.codes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code of this provider's own format, a GS1 Digital Link URI with a serial and a short signature:
 * {@code <base>/01/<gtin14>/21/<serial>?sig=<16 base64url characters>}. Serials use only unreserved URI characters,
 * so the URI needs no percent-encoding and reads the same on any scanner.
 */
public record ReferenceCode(String gtin, String serial, String signature) {

    private static final Pattern PATH = Pattern.compile("/01/(\\d{14})/21/([0-9A-Za-z]{1,20})\\?sig=([A-Za-z0-9_-]{1,64})");

    public String uri(String baseUrl) {
        return baseUrl + "/01/" + gtin + "/21/" + serial + "?sig=" + signature;
    }

    /**
     * @return the code's parts when it has this provider's format under {@code baseUrl} (scheme and host compared
     *         without regard to case, as URIs do); empty for anything else, which is not this provider's to judge
     */
    public static Optional<ReferenceCode> parse(String baseUrl, String code) {
        if (code == null || code.length() <= baseUrl.length()
                || !code.substring(0, baseUrl.length()).toLowerCase(Locale.ROOT).equals(baseUrl.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Matcher matcher = PATH.matcher(code.substring(baseUrl.length()));
        return matcher.matches() ? Optional.of(new ReferenceCode(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }
}
