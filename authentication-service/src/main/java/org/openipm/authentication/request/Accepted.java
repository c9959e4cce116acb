package org.openipm.authentication.request;

import java.util.UUID;

/** The answer to a new request: where to look for its verdict. */
public record Accepted(UUID id, String status) {
}
