package io.coupons.ui;

import io.coupons.local.LocalSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local system (embedded PostgreSQL, both sides, the admin UI) for every browser test of the
 * run: started by the first test class, stopped by JUnit when the whole run ends (a value in the
 * root store is closed then). Test classes say {@code @ExtendWith(UiSystem.class)}; tests keep out
 * of each other's way by naming what they create uniquely ({@link #unique}).
 */
final class UiSystem implements BeforeAllCallback {

    private static LocalSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(UiSystem.class, key -> (AutoCloseable) UiSystem::stop);
        get();
    }

    static synchronized LocalSystem get() {
        if (system == null) {
            try {
                Path data = Files.createTempDirectory("coupons-ui-test");
                system = LocalSystem.start(data, 0, 0, 0, "--logging.level.root=warn");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return system;
    }

    private static synchronized void stop() {
        if (system != null) {
            system.close();
            system = null;
        }
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + get().adminUiPort();
    }

    static String password(String user) {
        return get().logins().passwords().get(user);
    }

    /** An upper-case name no other test uses: campaign codes, batch names. */
    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 2_176_782_336L, 36).toUpperCase();
    }
}
