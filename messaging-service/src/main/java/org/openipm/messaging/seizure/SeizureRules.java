package org.openipm.messaging.seizure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openipm.messaging.Countries;
import org.openipm.messaging.shipment.TransportMode;

/** What makes a reported seizure acceptable; the first broken rule names the field, as the intake answers it. */
public final class SeizureRules {

    public static final int MAX_RECORDS_PER_CALL = 1_000;
    public static final int MAX_GOODS = 100;
    public static final int MAX_CODES_PER_GOODS = 50;
    public static final int MAX_CODE_LENGTH = 2_048;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2_048;
    public static final int MAX_UNIT = 20;
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9_-]{2,20}");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A broken rule: the field (relative to the record) and why. */
    public record Violation(String field, String reason) {
    }

    private SeizureRules() {
    }

    public static Optional<Violation> check(SeizureRecord seizure, Clock clock) {
        if (seizure.externalId() == null || !EXTERNAL_ID.matcher(seizure.externalId()).matches()) {
            return broken("externalId", "1-100 printable ASCII characters without spaces");
        }
        if (seizure.seizedOn() == null) {
            return broken("seizedOn", "the day of the seizure (YYYY-MM-DD) is required");
        }
        if (seizure.seizedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            return broken("seizedOn", seizure.seizedOn() + " is in the future");
        }
        if (seizure.country() == null || !Countries.isAssigned(seizure.country())) {
            return broken("country", "an assigned ISO 3166-1 alpha-2 code is required");
        }
        if (seizure.office() == null || !OFFICE.matcher(seizure.office()).matches()) {
            return broken("office", "2-20 of A-Z 0-9 - _ (e.g. a UN/LOCODE)");
        }
        if (seizure.transportMode() == null || !isTransportMode(seizure.transportMode())) {
            return broken("transportMode", "one of " + List.of(TransportMode.values()));
        }
        Optional<Violation> goods = checkGoods(seizure.goods());
        if (goods.isPresent()) {
            return goods;
        }
        if (seizure.estimatedValue() != null) {
            if (seizure.estimatedValue() < 0 || seizure.estimatedValue().isInfinite()
                    || seizure.estimatedValue().isNaN()) {
                return broken("estimatedValue", "zero or more");
            }
            if (seizure.currency() == null) {
                return broken("currency", "an ISO 4217 code is required with estimatedValue");
            }
        }
        if (seizure.currency() != null && !isCurrency(seizure.currency())) {
            return broken("currency", seizure.currency() + " is not an ISO 4217 currency code");
        }
        if (seizure.currency() != null && seizure.estimatedValue() == null) {
            return broken("estimatedValue", "a currency without a value");
        }
        if (Boolean.TRUE.equals(seizure.openCase()) && seizure.caseId() != null) {
            return broken("openCase", "either a caseId to attach the seizure to, or openCase, not both");
        }
        return checkConsignor(seizure.consignor());
    }

    private static Optional<Violation> checkGoods(List<SeizureRecord.Goods> goods) {
        if (goods == null || goods.isEmpty() || goods.size() > MAX_GOODS) {
            return broken("goods", "1-" + MAX_GOODS + " goods lines");
        }
        for (int i = 0; i < goods.size(); i++) {
            SeizureRecord.Goods line = goods.get(i);
            String at = "goods[" + i + "]";
            if (line == null) {
                return broken(at, "a goods line is required");
            }
            List<String> codes = line.codes() == null ? List.of() : line.codes();
            if (codes.size() > MAX_CODES_PER_GOODS) {
                return broken(at + ".codes", "at most " + MAX_CODES_PER_GOODS + " codes per goods line");
            }
            for (int j = 0; j < codes.size(); j++) {
                String code = codes.get(j);
                if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
                    return broken(at + ".codes[" + j + "]", "1-" + MAX_CODE_LENGTH + " characters, as scanned");
                }
            }
            if (line.description() == null || line.description().isBlank()
                    || line.description().length() > MAX_DESCRIPTION) {
                return broken(at + ".description", "1-" + MAX_DESCRIPTION + " characters");
            }
            if (line.quantity() == null || !(line.quantity() > 0) || line.quantity().isInfinite()) {
                return broken(at + ".quantity", "more than zero");
            }
            if (line.unit() == null || line.unit().isBlank() || line.unit().length() > MAX_UNIT) {
                return broken(at + ".unit", "1-" + MAX_UNIT + " characters (pieces, kg, pairs, ...)");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkConsignor(SeizureRecord.Party consignor) {
        if (consignor == null) {
            return Optional.empty();
        }
        if (consignor.name() == null || consignor.name().isBlank() || consignor.name().length() > MAX_NAME) {
            return broken("consignor.name", "1-" + MAX_NAME + " characters");
        }
        if (consignor.country() != null && !Countries.isAssigned(consignor.country())) {
            return broken("consignor.country", consignor.country() + " is not an assigned ISO 3166-1 alpha-2 code");
        }
        if (consignor.url() != null && (consignor.url().length() > MAX_URL
                || !HTTP_URL.matcher(consignor.url()).matches())) {
            return broken("consignor.url", "an http(s) URL of at most " + MAX_URL + " characters");
        }
        return Optional.empty();
    }

    private static boolean isTransportMode(String mode) {
        for (TransportMode known : TransportMode.values()) {
            if (known.name().equals(mode)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Violation> broken(String field, String reason) {
        return Optional.of(new Violation(field, reason));
    }
}
