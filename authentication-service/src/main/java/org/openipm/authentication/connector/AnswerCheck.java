package org.openipm.authentication.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.MessageSignatures;

/**
 * Whether a provider's reply may be believed: signed with the provider's secret, at most five minutes old, readable,
 * and about this very request and code (a genuine answer for another request or code is refused). Whether its
 * message id was seen before is checked where ids are remembered, when the verdict is recorded.
 */
public final class AnswerCheck {

    /** Longer ids are refused: ids are remembered (with the provider id) in a bounded column. */
    static final int MAX_MESSAGE_ID_LENGTH = 128;

    private AnswerCheck() {
    }

    /** @param answer the believed answer, or null with {@code rejection} saying why not */
    public record Result(AuthenticationAnswer answer, String messageId, String rejection) {
        static Result rejected(String why) {
            return new Result(null, null, "answer rejected: " + why);
        }
    }

    public static Result check(HttpReply reply, MessageSignatures signatures, UUID requestId, String code,
            ObjectMapper json) {
        if (!reply.headers().containsKey(MessageSignatures.SIGNATURE)) {
            return Result.rejected("unsigned");
        }
        String messageId = reply.headers().get(MessageSignatures.ID);
        if (messageId == null || messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            return Result.rejected("no valid webhook-id");
        }
        if (!signatures.verify(reply.headers(), reply.body())) {
            return Result.rejected("bad signature or timestamp older than 5 minutes");
        }
        AuthenticationAnswer answer;
        try {
            answer = json.readValue(reply.body(), AuthenticationAnswer.class);
        } catch (IOException e) {
            return Result.rejected("not a protocol answer");
        }
        if (answer == null || answer.verdict() == null) {
            return Result.rejected("no verdict");
        }
        if (!requestId.equals(answer.requestId()) || !code.equals(answer.code())) {
            return Result.rejected("it is about another request or code");
        }
        if (!(answer.confidence() >= 0 && answer.confidence() <= 1)) {
            return Result.rejected("confidence outside 0..1");
        }
        return new Result(answer, messageId, null);
    }
}
