package org.openipm.messaging.cases.thread;

import java.util.UUID;

/** A message's file as listed with it; the bytes are served by its own path. */
public record AttachmentView(UUID id, String fileName, String contentType, int size, String sha256) {
}
