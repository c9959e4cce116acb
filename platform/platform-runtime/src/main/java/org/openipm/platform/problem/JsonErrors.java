package org.openipm.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * A JSON reading failure in the client's terms: the field and what is wrong with it, never Jackson's message
 * (which names our classes and its own settings).
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON exceeds the nesting, string length or number length this API reads";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) : "";
            return "Field '" + path(f) + "' cannot take the value " + f.getValue() + allowed;
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "Field '" + path(m) + "' has the wrong type";
        }
        var location = e.getLocation();
        return "The body is not valid JSON" + (location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
