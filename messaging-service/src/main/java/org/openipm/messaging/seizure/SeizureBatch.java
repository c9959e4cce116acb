package org.openipm.messaging.seizure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code {"seizures": [...]}}: the records stay JSON until each is read on its own, so one bad record is its own. */
public record SeizureBatch(List<JsonNode> seizures) {
}
