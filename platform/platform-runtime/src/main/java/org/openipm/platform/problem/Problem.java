package org.openipm.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code type} names the kind of problem so a client can branch on it; {@code errors}
 * lists the offending fields of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://openipm.org/problems/";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public record FieldError(String field, String message) {
    }
}
