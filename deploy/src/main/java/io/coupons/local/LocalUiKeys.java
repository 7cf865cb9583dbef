package io.coupons.local;

import io.coupons.platform.security.AdminUiTokenConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The key the admin UI signs its API tokens with, made fresh on every start of the local system:
 * the private half (owner-readable only) for the UI, the public half for both sides, which accept
 * the UI's tokens as the person they name. A token lives two minutes, so nothing needs the old key
 * after a restart.
 */
final class LocalUiKeys {

    private final Path privateKey;
    private final Path publicKey;

    private LocalUiKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static LocalUiKeys create(Path dataDirectory) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no RSA", e);
        }
        Path privateKey = dataDirectory.resolve("ui-token-key.pem");
        Path publicKey = dataDirectory.resolve("ui-token-public.pem");
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new LocalUiKeys(privateKey, publicKey);
    }

    /** For both sides: trust bearer tokens signed with the UI's key (platform's AdminUiTokenConfig). */
    List<String> sideProperties() {
        return List.of("--" + AdminUiTokenConfig.KEY_PROPERTY + "=file:" + publicKey);
    }

    /** For the UI: the key to sign with. */
    String uiProperty() {
        return "--coupons.admin-ui.token-key=file:" + privateKey;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
