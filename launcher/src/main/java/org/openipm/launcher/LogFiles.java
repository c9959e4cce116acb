package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Log file chores: keep the previous run's log, read the tail, follow a growing file. */
public final class LogFiles {

    private LogFiles() {
    }

    /** Moves name.log to name.log.1 so each run starts with a fresh log but the last crash stays readable. */
    static void rotate(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last {@code lines} lines (fewer if the file is shorter, none if it does not exist). */
    public static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        // Read at most the last 256 KiB: a chatty log can be large and only its end matters here.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 256 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\r?\n", -1)) {
                last.addLast(line);
                if (last.size() > lines + 1) {
                    last.removeFirst();
                }
            }
            if (!last.isEmpty() && last.peekLast().isEmpty()) {
                last.removeLast();
            }
            while (last.size() > lines) {
                last.removeFirst();
            }
            return new ArrayList<>(last);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Prints the tail under a header naming the file (used when a component fails). */
    static String describeTail(Path file, int lines) {
        List<String> tail = tail(file, lines);
        if (tail.isEmpty()) {
            return "  (" + file + " is empty)";
        }
        StringBuilder sb = new StringBuilder("---- last " + tail.size() + " lines of " + file + " ----\n");
        tail.forEach(line -> sb.append(line).append('\n'));
        sb.append("---- end of ").append(file.getFileName()).append(" ----");
        return sb.toString();
    }

    /**
     * Copies the file to out from {@code position}, then keeps copying what is appended, until {@code stop} says
     * so (checked between polls). A file that shrinks (a new run rotated it) is read again from the start.
     *
     * @return the position reached
     */
    static long follow(Path file, long position, OutputStream out, BooleanSupplier stop) throws IOException {
        byte[] buffer = new byte[8192];
        long pos = position;
        while (true) {
            boolean stopAfterThisRead = stop.getAsBoolean();
            if (Files.exists(file)) {
                long size = Files.size(file);
                if (size < pos) {
                    pos = 0;
                }
                if (size > pos) {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.skipNBytes(pos);
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            out.write(buffer, 0, n);
                            pos += n;
                        }
                    }
                    out.flush();
                }
            }
            if (stopAfterThisRead) {
                return pos;
            }
            Processes.sleep(200);
        }
    }
}
