package eu.egi.csirt.cvh.adapter.console;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the console: users with PBKDF2-hashed passwords (HTTP Basic) and API tokens kept as
 * SHA-256 hashes (HTTP Bearer), each with a role. Passwords are checked with the JDK's
 * PBKDF2WithHmacSHA256; a credential already verified is remembered (by its SHA-256) so that
 * PBKDF2 runs once per credential, not once per request.
 */
public final class ConsoleUsers {

    public enum Role {
        /** reads everything (e.g. OMB members) */
        VIEWER,
        /** reads and acts (the security officer on duty) */
        OFFICER;

        static Role parse(String s, String entry) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("console user/token '" + entry + "': role must be officer or viewer, not '" + s + "'");
            }
        }
    }

    /** An authenticated caller: the name goes to the audit trail. */
    public record Principal(String name, Role role) {
        public boolean mayAct() { return role == Role.OFFICER; }
    }

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    /** Compared against for an unknown user, so a wrong name costs what a wrong password does. */
    private static final String DUMMY = hash("no such user");
    private static final int MAX_REMEMBERED = 1000;

    private record User(String name, Role role, String hash) {}

    private record Token(String name, Role role, byte[] sha256) {}

    private final Map<String, User> users;
    private final List<Token> tokens;
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    private ConsoleUsers(Map<String, User> users, List<Token> tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /**
     * @param users  {@code name:role:hash,...} with hashes from {@link #hash(String)}
     * @param tokens {@code name:role:sha256-hex,...} of the tokens
     */
    public static ConsoleUsers parse(String users, String tokens) {
        Map<String, User> u = new LinkedHashMap<>();
        for (String entry : entries(users)) {
            String[] p = entry.split(":", 3);
            if (p.length != 3 || p[0].isBlank() || !p[2].trim().matches(java.util.regex.Pattern.quote(SCHEME) + "\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+")) {
                throw new IllegalArgumentException("console user '" + p[0] + "': use name:role:" + SCHEME + "$iterations$salt$hash"
                        + " (java -jar cvh.jar console-password)");
            }
            if (u.containsKey(p[0].trim())) throw new IllegalArgumentException("console user '" + p[0].trim() + "' is listed twice");
            u.put(p[0].trim(), new User(p[0].trim(), Role.parse(p[1], p[0]), p[2].trim()));
        }
        List<Token> t = new ArrayList<>();
        for (String entry : entries(tokens)) {
            String[] p = entry.split(":", 3);
            if (p.length != 3 || !p[2].trim().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("console token '" + p[0] + "': use name:role:<SHA-256 of the token, 64 hex digits>");
            }
            t.add(new Token(p[0].trim(), Role.parse(p[1], p[0]), HexFormat.of().parseHex(p[2].trim())));
        }
        return new ConsoleUsers(u, t);
    }

    /** One officer with a known password: the embedded default of {@code make run}. */
    public static ConsoleUsers defaultOfficer(String name, String password) {
        return new ConsoleUsers(Map.of(name, new User(name, Role.OFFICER, hash(password))), List.of());
    }

    public boolean isEmpty() {
        return users.isEmpty() && tokens.isEmpty();
    }

    /** The caller named by an Authorization header (Basic or Bearer), if its credentials are right. */
    public Optional<Principal> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) return Optional.empty();
        String key = HexFormat.of().formatHex(sha256(authorization.trim().getBytes(StandardCharsets.UTF_8)));
        Principal known = verified.get(key);
        if (known != null) return Optional.of(known);
        Optional<Principal> p = check(authorization.trim());
        if (p.isPresent() && verified.size() < MAX_REMEMBERED) verified.put(key, p.get());
        return p;
    }

    private Optional<Principal> check(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) return Optional.empty();
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String value = authorization.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            byte[] h = sha256(value.getBytes(StandardCharsets.UTF_8));
            Principal found = null;
            for (Token t : tokens) {
                if (MessageDigest.isEqual(h, t.sha256())) found = new Principal(t.name(), t.role());
            }
            return Optional.ofNullable(found);
        }
        if (!scheme.equals("basic")) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return Optional.empty();
        User u = users.get(decoded.substring(0, colon));
        if (u == null) {
            verify(decoded.substring(colon + 1), DUMMY); // the same work (one PBKDF2) whether or not the user exists
            return Optional.empty();
        }
        return verify(decoded.substring(colon + 1), u.hash()) ? Optional.of(new Principal(u.name(), u.role())) : Optional.empty();
    }

    /** {@code pbkdf2-sha256$iterations$salt$hash} (Base64), with a random 16-byte salt. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    static boolean verify(String password, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals(SCHEME)) return false;
        try {
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, Base64.getDecoder().decode(p[2]), Integer.parseInt(p[1])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The SHA-256 (hex) of an API token, as {@code app.console.tokens} keeps it. */
    public static String tokenHash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A random password or token: 24 characters of URL-safe Base64. */
    public static String randomSecret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    private static List<String> entries(String list) {
        if (list == null) return List.of();
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
