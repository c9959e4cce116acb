package org.openipm.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Paging stays shallow: a client that needs item 1,000,000 should filter, not page. Bounding the offset keeps
 * {@code page * size} from overflowing and the database from counting past millions of rows to find a page.
 */
@ApplicationScoped
public class PageBounds {

    private final long maxOffset;

    public PageBounds(HttpLimits limits) {
        this.maxOffset = limits.maxPageOffset();
    }

    /** Throws a 400 problem if the page starts past the maximum offset. */
    public void check(int page, int size) {
        check(page, size, maxOffset);
    }

    static void check(int page, int size, long maxOffset) {
        long offset = (long) page * size;
        if (page < 0 || size < 1 || offset > maxOffset) {
            throw ProblemException.badRequest("page-out-of-range", "page * size may be at most " + maxOffset
                    + " (page " + page + " of size " + size + " starts at " + offset + "); narrow the query instead");
        }
    }
}
