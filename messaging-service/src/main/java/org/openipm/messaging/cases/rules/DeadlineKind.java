package org.openipm.messaging.cases.rules;

import static org.openipm.messaging.cases.CaseStatus.DESTROYED;
import static org.openipm.messaging.cases.CaseStatus.DETAINED;
import static org.openipm.messaging.cases.CaseStatus.NOT_CONFIRMED;
import static org.openipm.messaging.cases.CaseStatus.PROCEEDINGS;
import static org.openipm.messaging.cases.CaseStatus.RELEASED;
import static org.openipm.messaging.cases.CaseStatus.RIGHT_HOLDER_CONFIRMED;
import static org.openipm.messaging.cases.CaseStatus.SEIZED;

import java.util.Set;
import org.openipm.messaging.cases.CaseStatus;

/**
 * What a deadline asks of whom; the rule table says which law sets it.
 * <p>
 * {@code mustAct} is the party whose act ends the period; {@code satisfiedBy} the statuses that are that act (any
 * other status that ends the period, per the rule's {@code endsWhen}, makes it moot instead);
 * {@code shownToRightHolder} whether brands see it: their own periods and those that decide what becomes of the
 * goods, never the periods between the authority and the importer.
 */
public enum DeadlineKind {
    /** The authority decides to release or detain goods presented for examination. */
    RELEASE_OR_DETAIN_DECISION(DeadlineParty.AUTHORITY, true, Set.of(DETAINED, RELEASED)),
    /** The right holder confirms the infringement in writing and agrees to destruction. */
    RIGHT_HOLDER_CONFIRMATION(DeadlineParty.RIGHT_HOLDER, true,
            Set.of(RIGHT_HOLDER_CONFIRMED, NOT_CONFIRMED, PROCEEDINGS)),
    /** The declarant or holder of the goods objects to destruction; silence is deemed agreement. */
    DECLARANT_OBJECTION(DeadlineParty.DECLARANT, true, Set.of(DESTROYED, PROCEEDINGS, SEIZED)),
    /** The right holder starts court proceedings. */
    PROCEEDINGS_INITIATION(DeadlineParty.RIGHT_HOLDER, true, Set.of(PROCEEDINGS)),
    /** The authority notifies the importer of the detention. */
    IMPORTER_NOTICE(DeadlineParty.AUTHORITY, false, Set.of()),
    /** The importer shows the goods are not infringing before information goes to the right holder. */
    IMPORTER_RESPONSE(DeadlineParty.IMPORTER, false, Set.of()),
    /** Goods not released by then are treated as excluded. */
    DEEMED_EXCLUSION(DeadlineParty.AUTHORITY, true, Set.of(RELEASED, SEIZED, DESTROYED)),
    /** Restricted articles stay detained until then unless the importer shows an exception applies. */
    RESTRICTED_DETENTION(DeadlineParty.IMPORTER, true, Set.of());

    private final DeadlineParty mustAct;
    private final boolean shownToRightHolder;
    private final Set<CaseStatus> satisfiedBy;

    DeadlineKind(DeadlineParty mustAct, boolean shownToRightHolder, Set<CaseStatus> satisfiedBy) {
        this.mustAct = mustAct;
        this.shownToRightHolder = shownToRightHolder;
        this.satisfiedBy = satisfiedBy;
    }

    public DeadlineParty mustAct() {
        return mustAct;
    }

    public boolean shownToRightHolder() {
        return shownToRightHolder;
    }

    /** Whether reaching {@code status} is the act this period waited for (it is then met, not just moot). */
    public boolean satisfiedBy(CaseStatus status) {
        return satisfiedBy.contains(status);
    }

    /** Who must act before a deadline ends. The declarant and the importer take no part in a case. */
    public enum DeadlineParty {
        /** The authority holding the goods. */
        AUTHORITY,
        /** The brands taking part in the case. */
        RIGHT_HOLDER,
        /** The declarant or holder of the goods, who answers the authority. */
        DECLARANT,
        /** The importer, who answers the authority. */
        IMPORTER
    }
}
