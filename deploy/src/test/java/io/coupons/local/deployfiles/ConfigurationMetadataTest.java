package io.coupons.local.deployfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every property the code reads with {@code @Value} is described in its side's configuration
 * metadata ({@code additional-spring-configuration-metadata.json}), so the metadata is the whole
 * list of what a side reads: {@link DeployFilesTest} checks the deploy files against it, and IDEs
 * complete and explain the properties in production files.
 */
class ConfigurationMetadataTest {

    private static final Pattern KEY = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)");

    @Test
    void everyValueTheCodeReadsIsInItsSidesMetadata() throws IOException {
        Map<String, AppConfiguration> every = AppConfiguration.ofEveryApplication();
        Map<String, AppConfiguration> sides = Map.of("io.coupons.command", every.get("command-side"),
                "io.coupons.query", every.get("query-side"), "io.coupons.ui", every.get("admin-ui"));
        List<String> undescribed = new ArrayList<>();
        int seen = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.coupons.command", "io.coupons.query", "io.coupons.ui", "io.coupons.platform")) {
            for (String key : valueKeys(type.reflect())) {
                seen++;
                for (Map.Entry<String, AppConfiguration> side : sides.entrySet()) {
                    // Platform's classes run in the sides; the UI imports only a few of them.
                    boolean readHere = type.getPackageName().startsWith(side.getKey())
                            || (type.getPackageName().startsWith("io.coupons.platform")
                            && !side.getKey().equals("io.coupons.ui"));
                    if (readHere && !side.getValue().reads(AppConfiguration.variable(key))) {
                        undescribed.add(side.getValue().name + ": " + key + " (" + type.getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(seen).as("@Value keys found").isGreaterThan(10);
        assertThat(new TreeSet<>(undescribed)).as("add them to the module's additional metadata").isEmpty();
    }

    private static List<String> valueKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            addKeys(keys, field.getAnnotation(Value.class));
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            for (Annotation[] parameter : executable.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation instanceof Value value) {
                        addKeys(keys, value);
                    }
                }
            }
        }
        return keys;
    }

    private static void addKeys(List<String> keys, Value value) {
        if (value != null) {
            Matcher matcher = KEY.matcher(value.value());
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
    }
}
