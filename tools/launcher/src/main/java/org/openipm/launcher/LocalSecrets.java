package org.openipm.launcher;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
     * The key pair in {@code dir}, made first if missing. PEM files: PKCS#8 private key, X.509 public key (what
     * {@code mp.jwt.verify.publickey.location} reads). Both are written to a new directory renamed into place,
     * so two commands started at once cannot end with halves of two pairs.
     */
    static PrivateKey ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(dir.resolve(PRIVATE_KEY)) || !Files.isRegularFile(dir.resolve(PUBLIC_KEY))) {
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            Files.createDirectories(dir.getParent());
            Path temp = Files.createTempDirectory(dir.getParent(), "keys-");
            writeOwnerOnly(temp.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(temp.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            try {
                if (Files.isDirectory(dir)) { // one file of the pair lost: the other is useless
                    Files.move(temp.resolve(PRIVATE_KEY), dir.resolve(PRIVATE_KEY), StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp.resolve(PUBLIC_KEY), dir.resolve(PUBLIC_KEY), StandardCopyOption.REPLACE_EXISTING);
                    Files.delete(temp);
                } else {
                    Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another command made the pair meanwhile: keep theirs
            }
        }
        return KeyUtils.decodePrivateKey(Files.readString(dir.resolve(PRIVATE_KEY)));
    }

    /** The database password of this local state, generated (random, 144 bits) on first use. */
    static String ensurePassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "password-", ".tmp");
            writeOwnerOnly(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Files.readString(file).trim();
    }

    /** docker-compose reads its passwords from {@code .env}: made from the local password if there is none. */
    static boolean ensureComposeEnv(Path file, String password) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        writeOwnerOnly(file, "# Written by ./ipm up for docker-compose; never commit it.\nIPM_DB_PASSWORD=" + password + "\n");
        return true;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
