package org.openipm.messaging.cases.thread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.ShipmentCase.GoodsLine;
import org.openipm.platform.problem.Problem.FieldError;

/**
 * What a message must hold and who may write it, per type; no framework types. A message involves at most one
 * brand (its author, or its one brand addressee): a brand never reads what another brand wrote or was told, and a
 * message to two brands would show each the other's goods. Who does not take part in the case is refused before
 * this runs (404).
 */
public final class MessageRules {

    static final int MAX_ADDRESSEES = 20;
    static final int MAX_TEXT = 10_000;
    static final int MAX_GOODS_LINES = 100;
    static final int MAX_PRODUCTS = 200;
    static final int MAX_REASONS = 20;
    static final int MAX_REASON = 2_000;

    private MessageRules() {
    }

    /** The outcome of checking a message. */
    public sealed interface Checked permits Valid, Invalid, Forbidden {
    }

    /** @param brand the one brand that may read it (author or addressee); empty: authorities only */
    public record Valid(MessageType type, List<CaseParty> addressedTo, MessageContent content,
            Optional<String> brand) implements Checked {
    }

    /** 400: each broken rule with the field it concerns. */
    public record Invalid(List<FieldError> errors) implements Checked {
    }

    /** 403: this participant may not write this type at all. */
    public record Forbidden(String detail) implements Checked {
    }

    /**
     * @param author the participant writing (an authority or a brand of the case)
     * @param participants every participant of the case
     * @param goods the case's goods lines, with their matched products
     * @param attachments how many files the message carries
     */
    public static Checked check(MessageRequest request, CaseParty author, List<CaseParty> participants,
            List<GoodsLine> goods, int attachments) {
        List<FieldError> errors = new ArrayList<>();
        MessageType type = parse(MessageType.class, request.type(), "type", errors);
        if (type == null) {
            return new Invalid(errors);
        }
        boolean byBrand = CaseParty.BRAND.equals(author.kind());
        if (type == MessageType.ASSESSMENT && !byBrand) {
            return new Forbidden("Only a brand participant assesses its products");
        }
        if ((type == MessageType.INSTRUCTION || type == MessageType.ASSESSMENT_REQUEST) && byBrand) {
            return new Forbidden("Only a participant authority writes " + type);
        }
        List<CaseParty> addressees = addressees(request.addressedTo(), author, participants, errors);
        Optional<String> addressedBrand = addressees.stream().filter(p -> CaseParty.BRAND.equals(p.kind()))
                .map(CaseParty::id).findFirst();
        String text = blankToNull(request.text());
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "at most " + MAX_TEXT + " characters"));
        }
        List<Integer> goodsLines = orEmpty(request.goodsLines());
        List<UUID> productIds = orEmpty(request.productIds());
        List<String> reasons = orEmpty(request.reasons());
        notOfType(type, "goodsLines", !goodsLines.isEmpty(), errors, MessageType.ASSESSMENT_REQUEST,
                MessageType.INSTRUCTION);
        notOfType(type, "productIds", !productIds.isEmpty(), errors, MessageType.ASSESSMENT_REQUEST,
                MessageType.ASSESSMENT);
        notOfType(type, "verdict", request.verdict() != null, errors, MessageType.ASSESSMENT);
        notOfType(type, "reasons", !reasons.isEmpty(), errors, MessageType.ASSESSMENT);
        notOfType(type, "action", request.action() != null, errors, MessageType.INSTRUCTION);
        Verdict verdict = null;
        InstructedAction action = null;
        switch (type) {
            case ASSESSMENT_REQUEST -> {
                if (addressedBrand.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("addressedTo"))) {
                    errors.add(new FieldError("addressedTo", "an assessment request asks one brand participant"));
                }
                if (goodsLines.isEmpty() && productIds.isEmpty()) {
                    errors.add(new FieldError("goodsLines",
                            "name the goods lines or the products (productIds) to assess"));
                }
                addressedBrand.ifPresent(brand -> {
                    checkGoodsLines(goodsLines, goods, Optional.of(brand), errors);
                    checkProducts(productIds, goods, brand, errors);
                });
            }
            case ASSESSMENT -> {
                verdict = parse(Verdict.class, request.verdict(), "verdict", errors);
                checkReasons(reasons, errors);
                if (productIds.isEmpty()) {
                    errors.add(new FieldError("productIds", "name the products of yours this assessment is about"));
                }
                checkProducts(productIds, goods, author.id(), errors);
            }
            case INSTRUCTION_REQUEST -> {
                if (text == null) {
                    errors.add(new FieldError("text", "say what you ask instructions about"));
                }
            }
            case INSTRUCTION -> {
                action = parse(InstructedAction.class, request.action(), "action", errors);
                checkGoodsLines(goodsLines, goods, addressedBrand, errors);
            }
            case INFORMATION -> {
                if (text == null && attachments == 0) {
                    errors.add(new FieldError("text", "an information message carries a text or attachments"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Optional<String> brand = byBrand ? Optional.of(author.id()) : addressedBrand;
        return new Valid(type, addressees, new MessageContent(text, nullIfEmpty(goodsLines),
                nullIfEmpty(productIds), verdict, nullIfEmpty(reasons), action, request.inReplyTo()), brand);
    }

    private static List<CaseParty> addressees(List<MessageRequest.Addressee> given, CaseParty author,
            List<CaseParty> participants, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldError("addressedTo", "name at least one participant the message is for"));
            return List.of();
        }
        if (given.size() > MAX_ADDRESSEES) {
            errors.add(new FieldError("addressedTo", "at most " + MAX_ADDRESSEES + " addressees"));
            return List.of();
        }
        Set<CaseParty> addressees = new LinkedHashSet<>();
        boolean byBrand = CaseParty.BRAND.equals(author.kind());
        for (int i = 0; i < given.size(); i++) {
            MessageRequest.Addressee addressee = given.get(i);
            String field = "addressedTo[" + i + "]";
            if (addressee == null || addressee.id() == null || addressee.id().isBlank()) {
                errors.add(new FieldError(field + ".id", "name the participant"));
                continue;
            }
            if (!CaseParty.AUTHORITY.equals(addressee.kind()) && !CaseParty.BRAND.equals(addressee.kind())) {
                errors.add(new FieldError(field + ".kind", "AUTHORITY or BRAND"));
                continue;
            }
            CaseParty party = new CaseParty(addressee.kind(), addressee.id());
            if (byBrand && CaseParty.BRAND.equals(party.kind())) {
                // Said before checking participation, so that a brand cannot probe which other brands take part.
                errors.add(new FieldError(field, "a brand writes to the case's authorities only"));
            } else if (!participants.contains(party)) {
                errors.add(new FieldError(field, party.kind() + " " + party.id() + " takes no part in this case"));
            } else {
                addressees.add(party);
            }
        }
        if (addressees.stream().filter(p -> CaseParty.BRAND.equals(p.kind())).count() > 1) {
            errors.add(new FieldError("addressedTo", "a message goes to at most one brand, so that brands sharing a "
                    + "case never read each other's exchange: post one message per brand"));
        }
        return List.copyOf(addressees);
    }

    private static void checkGoodsLines(List<Integer> lines, List<GoodsLine> goods, Optional<String> brand,
            List<FieldError> errors) {
        if (lines.size() > MAX_GOODS_LINES) {
            errors.add(new FieldError("goodsLines", "at most " + MAX_GOODS_LINES + " goods lines"));
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Integer number = lines.get(i);
            Optional<GoodsLine> line = goods.stream().filter(g -> number != null && g.line() == number).findFirst();
            if (line.isEmpty()) {
                errors.add(new FieldError("goodsLines[" + i + "]", "the case has no goods line " + number));
            } else if (brand.isPresent() && !line.get().concerns(brand.get())) {
                errors.add(new FieldError("goodsLines[" + i + "]", "goods line " + number + " holds no product of "
                        + brand.get()));
            }
        }
    }

    private static void checkProducts(List<UUID> productIds, List<GoodsLine> goods, String brand,
            List<FieldError> errors) {
        if (productIds.size() > MAX_PRODUCTS) {
            errors.add(new FieldError("productIds", "at most " + MAX_PRODUCTS + " products"));
            return;
        }
        for (int i = 0; i < productIds.size(); i++) {
            UUID productId = productIds.get(i);
            boolean inCase = productId != null && goods.stream().flatMap(g -> g.suspectedProducts().stream())
                    .anyMatch(p -> p.makesParticipant(brand) && productId.equals(p.productId()));
            if (!inCase) {
                errors.add(new FieldError("productIds[" + i + "]", "no product " + productId + " of " + brand
                        + " is among the case's goods"));
            }
        }
    }

    private static void checkReasons(List<String> reasons, List<FieldError> errors) {
        if (reasons.isEmpty()) {
            errors.add(new FieldError("reasons", "give at least one reason for the verdict"));
        } else if (reasons.size() > MAX_REASONS) {
            errors.add(new FieldError("reasons", "at most " + MAX_REASONS + " reasons"));
        }
        for (int i = 0; i < Math.min(reasons.size(), MAX_REASONS); i++) {
            String reason = reasons.get(i);
            if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
                errors.add(new FieldError("reasons[" + i + "]", "1 to " + MAX_REASON + " characters"));
            }
        }
    }

    private static void notOfType(MessageType type, String field, boolean given, List<FieldError> errors,
            MessageType... types) {
        if (given && !Arrays.asList(types).contains(type)) {
            errors.add(new FieldError(field, "not part of " + type + " (only of " + Arrays.toString(types) + ")"));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required: one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : List.copyOf(list);
    }
}
