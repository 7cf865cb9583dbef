package io.coupons.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One local system per data folder; the other JVM's case is in {@link LocalSystemRestartAfterKillTest}. */
class DataFolderLockTest {

    @TempDir
    Path data;

    @Test
    void refusesASecondHolderAndFreesTheFolderOnClose() throws Exception {
        try (DataFolderLock held = DataFolderLock.acquire(data)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(data)).isInstanceOf(DataFolderLock.InUseException.class)
                    .hasMessageContaining("in use by another local system");
        }
        DataFolderLock.acquire(data).close();
    }
}
