package org.openipm.lookup.scan;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.openipm.codes.CodeInterpreter;

public record InterpretRequest(
        @NotEmpty(message = "a code is required") @Size(max = CodeInterpreter.MAX_INPUT_LENGTH) String code) {
}
