package org.openipm.messaging.cases.thread;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many files a message may carry and how large each may be. The HTTP edge bounds the whole request first
 * ({@code openipm.http.routes.messages.max-body-size}): keep it at least files-per-message times the file size.
 */
@ConfigMapping(prefix = "openipm.attachments")
public interface AttachmentLimits {

    @WithDefault("10M")
    MemorySize maxFileSize();

    @WithDefault("5")
    int maxFilesPerMessage();
}
