package org.openipm.reference;

import java.util.concurrent.ThreadLocalRandom;
import org.openipm.codes.Gtin;

/** GTINs no other test has used: the tests share one database. */
public final class Gtins {

    private Gtins() {
    }

    public static String fresh() {
        String body = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return body + Gtin.checkDigit(body);
    }
}
