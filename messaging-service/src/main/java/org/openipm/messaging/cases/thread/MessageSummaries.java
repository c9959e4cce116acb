package org.openipm.messaging.cases.thread;

import java.util.stream.Collectors;

/** The one line a message leaves on the case's timeline: who wrote what to whom, never the text itself. */
final class MessageSummaries {

    private MessageSummaries() {
    }

    static String summaryOf(CaseMessage message) {
        String author = message.authorId;
        String to = message.addressedTo.stream().map(p -> p.id()).collect(Collectors.joining(", "));
        MessageContent content = message.content;
        return switch (message.type) {
            case ASSESSMENT_REQUEST -> author + " asked " + to + " whether the goods are genuine";
            case ASSESSMENT -> author + " assessed " + content.productIds().size() + " product(s) as "
                    + content.verdict();
            case INSTRUCTION_REQUEST -> author + " asked " + to + " for instructions";
            case INSTRUCTION -> author + " instructed " + to + ": " + content.action();
            case INFORMATION -> author + " informed " + to;
        };
    }
}
