package org.openipm.product.importing;

/** Counts the characters of the current physical line of an upload and refuses the one past the limit. */
final class LineLimit {

    static final class LineTooLongException extends RuntimeException {
        final int line;

        LineTooLongException(int line, int maxLength) {
            super("line " + line + " is longer than " + maxLength + " characters");
            this.line = line;
        }
    }

    private final int maxLength;
    private int line = 1;
    private int length;

    LineLimit(int maxLength) {
        this.maxLength = maxLength;
    }

    int line() {
        return line;
    }

    void count() {
        if (++length > maxLength) {
            throw new LineTooLongException(line, maxLength);
        }
    }

    void endLine() {
        line++;
        length = 0;
    }
}
