package org.openipm.messaging.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How many messages of each case a viewer has not read yet, for "my cases". Declared here and answered by the
 * thread package, so that cases does not depend on it.
 */
public interface UnreadMessages {

    /** Cases without unread messages may be absent. */
    Map<UUID, Long> unreadByCase(List<UUID> caseIds, CaseViewer viewer);
}
