package org.openipm.messaging.cases.thread;

/** A file as received with a message, before it is checked: the name the client gave and the bytes. */
public record Upload(String fileName, byte[] content) {
}
