package org.openipm.reference.codes;

import java.security.SecureRandom;

/**
 * New serials: 12 characters of Crockford's base32 (60 random bits), so that serials cannot be guessed from one
 * another and two issued codes practically never collide (the database's unique key settles the rare case).
 */
final class Serials {

    static final int LENGTH = 12;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Serials() {
    }

    static String next() {
        char[] serial = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            serial[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(serial);
    }
}
