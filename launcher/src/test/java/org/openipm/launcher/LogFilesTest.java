package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void tail_returns_the_last_lines() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));
        assertThat(LogFiles.tail(log, 3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(LogFiles.tail(log, 500)).hasSize(100);
        assertThat(LogFiles.tail(dir.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void rotate_keeps_the_previous_run() throws Exception {
        Path log = dir.resolve("logs/a.log");
        LogFiles.rotate(log);
        Files.writeString(log, "first run\n");
        LogFiles.rotate(log);
        assertThat(log).doesNotExist();
        assertThat(dir.resolve("logs/a.log.1")).hasContent("first run");
    }
}
