package dev.racer.league;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Racer tokens: {@code rt_<racerId>_<secret>} with a 256-bit random secret. The server keeps only a random
 * salt and SHA-256(salt || token); the racer id in the token finds the row without scanning, and the hash is
 * compared in constant time.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A random id of {@code bytes} bytes, base32-like lower-case letters and digits. */
    public static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String newToken(String racerId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "rt_" + racerId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String newSalt() {
        return randomId(16);
    }

    /** The racer id a well-formed token names, or null. */
    public static String racerIdOf(String token) {
        if (token == null || token.length() > 200 || !token.startsWith("rt_")) {
            return null;
        }
        int us = token.indexOf('_', 3);
        if (us < 0) {
            return null;
        }
        String id = token.substring(3, us);
        return id.matches("[0-9a-f]{8,64}") ? id : null;
    }

    public static String hash(String salt, String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the stored hash with the hash of {@code token}. */
    public static boolean matches(String salt, String storedHash, String token) {
        byte[] a = hash(salt, token).getBytes(StandardCharsets.US_ASCII);
        byte[] b = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }
}
