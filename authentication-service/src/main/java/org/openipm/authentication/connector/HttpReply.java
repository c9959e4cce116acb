package org.openipm.authentication.connector;

import java.util.Map;

/** What a provider sent back over HTTP: its signature headers (lower-case names) and the body. */
public record HttpReply(Map<String, String> headers, String body) {
}
