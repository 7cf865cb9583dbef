package io.coupons.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The sample logins of the local system: one user per role, passwords generated on first start
 * (never in the repository), kept readable only by the owner beside the data, and handed to both
 * sides as BCrypt hashes.
 */
public final class LocalLogins {

    static final Map<String, String> ROLE_OF_USER = new LinkedHashMap<>();

    static {
        ROLE_OF_USER.put("admin", "ADMIN");
        ROLE_OF_USER.put("checkout", "CHECKOUT");
        ROLE_OF_USER.put("auditor", "AUDITOR");
    }

    private final Map<String, String> passwords;

    private LocalLogins(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    public static LocalLogins loadOrCreate(Path file) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        for (String user : ROLE_OF_USER.keySet()) {
            if (stored.getProperty(user) == null) {
                byte[] bytes = new byte[15];
                random.nextBytes(bytes);
                stored.setProperty(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                changed = true;
            }
        }
        if (changed) {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                stored.store(writer, "Local sample logins, generated on first start. Delete to regenerate.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the platform's default permissions
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        ROLE_OF_USER.keySet().forEach(user -> passwords.put(user, stored.getProperty(user)));
        return new LocalLogins(passwords);
    }

    public Map<String, String> passwords() {
        return passwords;
    }

    /** The users as Spring properties for both sides, with hashed passwords only. */
    public List<String> asProperties() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<String> properties = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            String prefix = "--coupons.security.users[" + index++ + "].";
            properties.add(prefix + "name=" + user.getKey());
            properties.add(prefix + "password={bcrypt}" + bcrypt.encode(user.getValue()));
            properties.add(prefix + "roles=" + ROLE_OF_USER.get(user.getKey()));
        }
        return properties;
    }
}
