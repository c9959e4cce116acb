package org.openipm.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The local signing key pair: generated once under {@code .ipm/keys/} with the JDK only, so that tokens made by
 * {@code ./ipm token} stay valid across restarts. PEM files: private.pem is PKCS#8, public.pem is X.509
 * SubjectPublicKeyInfo, the form MP JWT reads from {@code mp.jwt.verify.publickey.location}.
 */
public final class LocalKeys {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the key pair from {@code dir}, generating it first if it is not there. */
    public static LocalKeys ensure(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(PRIVATE_KEY_FILE)) || !Files.isRegularFile(dir.resolve(PUBLIC_KEY_FILE))) {
            generate(dir);
        }
        return load(dir);
    }

    public static LocalKeys load(Path dir) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(readPem(dir.resolve(PRIVATE_KEY_FILE), "PRIVATE KEY")));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(readPem(dir.resolve(PUBLIC_KEY_FILE), "PUBLIC KEY")));
            return new LocalKeys(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("Unreadable key pair in " + dir + " (delete the directory to make a new one): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes both files into a fresh directory, then renames it into place: two commands started at once
     * (say {@code up} and {@code token}) cannot end with halves of two different pairs.
     */
    private static void generate(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an RSA key pair", e);
        }
        Files.createDirectories(dir.getParent());
        Path temp = dir.resolveSibling(dir.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectories(temp);
        try {
            Path privateFile = temp.resolve(PRIVATE_KEY_FILE);
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            restrictToOwner(privateFile);
            Files.writeString(temp.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            if (Files.isDirectory(dir)) {
                // A directory with one file missing: replace the files (the pair is incomplete anyway).
                Files.move(privateFile, dir.resolve(PRIVATE_KEY_FILE), StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp.resolve(PUBLIC_KEY_FILE), dir.resolve(PUBLIC_KEY_FILE), StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // Another command made the pair meanwhile: keep theirs.
                }
            }
        } finally {
            deleteRecursively(temp);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing better to do for a local development key
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file of type " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }
}
