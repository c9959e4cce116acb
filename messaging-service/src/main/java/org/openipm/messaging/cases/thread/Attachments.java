package org.openipm.messaging.cases.thread;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Checks the files of a message before anything is stored (count, size, type by content) and stores them with it.
 * A refused file refuses the whole message: 400 for too many or empty files, 413 for a file too large, 415 for a
 * type outside PDF, JPEG, PNG and WebP.
 */
@ApplicationScoped
public class Attachments {

    static final int MAX_FILE_NAME = 255;

    private final AttachmentRepository attachments;
    private final long maxFileSize;
    private final int maxFiles;

    public Attachments(AttachmentRepository attachments, AttachmentLimits limits) {
        this.attachments = attachments;
        this.maxFileSize = limits.maxFileSize().asLongValue();
        this.maxFiles = limits.maxFilesPerMessage();
    }

    /** A file that passed every check, named and typed as it will be served. */
    public record CheckedFile(String fileName, String contentType, byte[] content, String sha256) {
    }

    public int maxFiles() {
        return maxFiles;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    /** Refuses more files than allowed before any is read, so that nothing is buffered for a refused request. */
    public void checkCount(int files) {
        if (files > maxFiles) {
            throw new ProblemException(Problem.of("too-many-files", "Bad Request", 400, "A message carries at most "
                    + maxFiles + " files; this one has " + files)
                    .withErrors(List.of(new Problem.FieldError("file", "at most " + maxFiles + " files"))));
        }
    }

    /** Refuses a file larger than allowed from its size alone, before it is read. */
    public void checkSize(int index, long size) {
        if (size > maxFileSize) {
            throw new ProblemException(Problem.of("file-too-large", "Content Too Large", 413, "file[" + index
                    + "]: a file may hold at most " + maxFileSize + " bytes; this one has " + size)
                    .withErrors(List.of(new Problem.FieldError("file[" + index + "]", "at most " + maxFileSize
                            + " bytes"))));
        }
    }

    public List<CheckedFile> check(List<Upload> uploads) {
        checkCount(uploads.size());
        List<CheckedFile> checked = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String field = "file[" + i + "]";
            if (upload.content().length == 0) {
                throw new ProblemException(Problem.of("empty-file", "Bad Request", 400, field + " is empty")
                        .withErrors(List.of(new Problem.FieldError(field, "is empty"))));
            }
            checkSize(i, upload.content().length);
            String type = FileTypes.detect(upload.content()).orElseThrow(() -> new ProblemException(Problem.of(
                    "unsupported-file-type", "Unsupported Media Type", 415, field + " is not a PDF, JPEG, PNG or WebP "
                            + "file (told by its content, whatever its name or declared type)")
                    .withErrors(List.of(new Problem.FieldError(field, "PDF, JPEG, PNG or WebP only")))));
            checked.add(new CheckedFile(fileNameOf(upload.fileName(), type), type, upload.content(),
                    sha256(upload.content())));
        }
        return checked;
    }

    public List<AttachmentView> store(UUID caseId, UUID messageId, List<CheckedFile> files, Instant at) {
        List<AttachmentView> stored = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            CheckedFile file = files.get(i);
            CaseAttachment attachment = new CaseAttachment();
            attachment.id = UUID.randomUUID();
            attachment.messageId = messageId;
            attachment.caseId = caseId;
            attachment.position = i;
            attachment.fileName = file.fileName();
            attachment.contentType = file.contentType();
            attachment.sizeBytes = file.content().length;
            attachment.sha256 = file.sha256();
            attachment.data = file.content();
            attachment.createdAt = at;
            attachments.persist(attachment);
            stored.add(new AttachmentView(attachment.id, attachment.fileName, attachment.contentType,
                    attachment.sizeBytes, attachment.sha256));
        }
        return stored;
    }

    /** The file of a message, if it belongs to it. */
    public Optional<CaseAttachment> of(UUID messageId, UUID attachmentId) {
        return attachments.findByIdOptional(attachmentId).filter(a -> a.messageId.equals(messageId));
    }

    /**
     * The name a file is served under: the client's last path segment without control characters or quotes, at
     * most 255 characters; "attachment" with the type's extension when nothing usable is left.
     */
    static String fileNameOf(String given, String contentType) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\'))
                + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment" + switch (contentType) {
                case FileTypes.PDF -> ".pdf";
                case FileTypes.JPEG -> ".jpg";
                case FileTypes.PNG -> ".png";
                default -> ".webp";
            };
        }
        return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
