package org.openipm.messaging.cases.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.MatchOutcome;
import org.openipm.messaging.cases.ShipmentCase.GoodsLine;
import org.openipm.messaging.cases.ShipmentCase.SuspectedProduct;

/** Who may read a message follows from who wrote it and to whom: at most one brand, never a brand's neighbour. */
class MessageRulesTest {

    private static final CaseParty CUSTOMS = CaseParty.authority("fr-customs");
    private static final CaseParty WATCHES = CaseParty.brand("watches");
    private static final CaseParty BAGS = CaseParty.brand("bags");
    private static final UUID WATCH = UUID.randomUUID();
    private static final List<CaseParty> PARTICIPANTS = List.of(CUSTOMS, WATCHES, BAGS);
    private static final List<GoodsLine> GOODS = List.of(
            new GoodsLine(1, "Watches", 10.0, "pieces", null, List.of(new SuspectedProduct("x", null, "1",
                    MatchOutcome.VERIFIED, WATCH, "Watch", "watches", "Watches", null))));

    @Test
    void aBrandsAssessmentIsReadByItselfAndTheAuthorities() {
        MessageRules.Checked checked = MessageRules.check(new MessageRequest("ASSESSMENT",
                List.of(new MessageRequest.Addressee("AUTHORITY", "fr-customs")), null, null, List.of(WATCH),
                "COUNTERFEIT", List.of("Wrong font"), null, null), WATCHES, PARTICIPANTS, GOODS, 0);

        assertThat(checked).isInstanceOfSatisfying(MessageRules.Valid.class,
                valid -> assertThat(valid.brand()).contains("watches"));
    }

    @Test
    void anAuthorityOnlyMessageIsReadByNoBrand() {
        MessageRules.Checked checked = MessageRules.check(new MessageRequest("INSTRUCTION",
                List.of(new MessageRequest.Addressee("AUTHORITY", "fr-customs")), null, List.of(1), null, null, null,
                "DETAIN", null), CUSTOMS, PARTICIPANTS, GOODS, 0);

        assertThat(checked).isInstanceOfSatisfying(MessageRules.Valid.class,
                valid -> assertThat(valid.brand()).isEmpty());
    }

    @Test
    void aMessageToTwoBrandsIsRefused() {
        MessageRules.Checked checked = MessageRules.check(new MessageRequest("INFORMATION",
                List.of(new MessageRequest.Addressee("BRAND", "watches"), new MessageRequest.Addressee("BRAND",
                        "bags")), "Both of you", null, null, null, null, null, null), CUSTOMS, PARTICIPANTS, GOODS,
                0);

        assertThat(checked).isInstanceOfSatisfying(MessageRules.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting("field").containsExactly("addressedTo"));
    }

    @Test
    void aBrandCannotProbeForOtherBrandsByAddressingThem() {
        for (String brand : List.of("bags", "not-in-this-case")) {
            MessageRules.Checked checked = MessageRules.check(new MessageRequest("INFORMATION",
                    List.of(new MessageRequest.Addressee("BRAND", brand)), "Hello", null, null, null, null, null,
                    null), WATCHES, PARTICIPANTS, GOODS, 0);

            assertThat(checked).isInstanceOfSatisfying(MessageRules.Invalid.class, invalid -> assertThat(
                    invalid.errors()).extracting("message").containsExactly(
                            "a brand writes to the case's authorities only"));
        }
    }

    @Test
    void anInformationMayBePhotosWithoutText() {
        MessageRequest photos = new MessageRequest("INFORMATION", List.of(new MessageRequest.Addressee("BRAND",
                "watches")), null, null, null, null, null, null, null);

        assertThat(MessageRules.check(photos, CUSTOMS, PARTICIPANTS, GOODS, 2)).isInstanceOf(MessageRules.Valid.class);
        assertThat(MessageRules.check(photos, CUSTOMS, PARTICIPANTS, GOODS, 0))
                .isInstanceOf(MessageRules.Invalid.class);
    }
}
