package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Log file chores: keep the previous run's log, read the end, follow a growing file. */
final class LogFiles {

    private LogFiles() {
    }

    /** name.log becomes name.log.1: each run starts a fresh log, the last crash stays readable. */
    static void rotate(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last {@code lines} lines, read from at most the last 256 KiB (a chatty log can be large). */
    static List<String> tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - 256 * 1024);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Copies the file from {@code position} on and keeps copying what is appended until {@code stop} says so
     * (checked before each read, so the last lines still come). A file that shrinks (rotated by a new run) is
     * read again from the start.
     */
    static void follow(Path file, long position, OutputStream out, BooleanSupplier stop) throws IOException {
        long pos = position;
        byte[] buffer = new byte[8192];
        while (true) {
            boolean last = stop.getAsBoolean();
            if (Files.exists(file)) {
                pos = Files.size(file) < pos ? 0 : pos;
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(pos);
                    for (int n; (n = in.read(buffer)) > 0; pos += n) {
                        out.write(buffer, 0, n);
                    }
                }
                out.flush();
            }
            if (last) {
                return;
            }
            Processes.sleep(200);
        }
    }
}
