package org.openipm.messaging.cases;

import java.util.List;

public record CasePage(List<CaseSummary> items, int page, int size, long total) {
}
