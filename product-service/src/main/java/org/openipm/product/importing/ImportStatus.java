package org.openipm.product.importing;

import java.util.List;

public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    /** Queued or running: what a restarted service resumes, and what holds back the brand's next upload. */
    static final List<ImportStatus> UNFINISHED = List.of(QUEUED, RUNNING);
}
