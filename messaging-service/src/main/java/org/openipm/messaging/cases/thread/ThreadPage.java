package org.openipm.messaging.cases.thread;

import java.util.List;

/** One page of a case's thread, oldest first; {@code unread}: the caller's unread messages in the whole thread. */
public record ThreadPage(List<MessageView> items, int page, int size, long total, long unread) {
}
