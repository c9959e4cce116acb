package org.openipm.launcher;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local run's secrets, made once under {@code .ipm/} and never committed: the JWT signing key pair (so that
 * tokens stay valid across restarts) and the database password (so that nothing in the repository is one).
 */
final class LocalSecrets {

    static final String PRIVATE_KEY = "private.pem";
    static final String PUBLIC_KEY = "public.pem";

    private LocalSecrets() {
    }

    /**
     * The key pair in {@code dir}, made first if either half is missing. PEM files: PKCS#8 private key, X.509
     * public key (what {@code mp.jwt.verify.publickey.location} reads).
     */
    static PrivateKey ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateKey = dir.resolve(PRIVATE_KEY);
        if (!Files.isRegularFile(privateKey) || !Files.isRegularFile(dir.resolve(PUBLIC_KEY))) {
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            Files.createDirectories(dir);
            writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return KeyUtils.decodePrivateKey(Files.readString(privateKey));
    }

    /** The database password of this local state, generated (random, 144 bits) on first use. */
    static String ensurePassword(Path file) throws IOException {
        return ensureRandom(file, 18, Base64.getUrlEncoder().withoutPadding());
    }

    /** A 256-bit key (standard base64) of this local state, generated on first use: e.g. to encrypt at rest. */
    static String ensureKey(Path file) throws IOException {
        return ensureRandom(file, 32, Base64.getEncoder());
    }

    private static String ensureRandom(Path file, int bytes, Base64.Encoder encoder) throws IOException {
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, random(bytes, encoder) + "\n");
        }
        return Files.readString(file).trim();
    }

    /** A fresh random password (144 bits, URL-safe base64), kept nowhere: the caller stores it. */
    static String randomPassword() {
        return random(18, Base64.getUrlEncoder().withoutPadding());
    }

    /** A fresh random 256-bit key (standard base64), kept nowhere: the caller stores it. */
    static String randomKey() {
        return random(32, Base64.getEncoder());
    }

    private static String random(int bytes, Base64.Encoder encoder) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return encoder.encodeToString(random);
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
