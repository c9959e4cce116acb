package org.openipm.messaging.seizure.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.messaging.authority.Authority;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseParticipant;
import org.openipm.messaging.cases.CaseRepository;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.rules.CaseWorkflow;
import org.openipm.messaging.cases.workflow.DeadlineService;
import org.openipm.messaging.catalogue.CatalogueRepository;
import org.openipm.messaging.shipment.CodeMatcher;

/**
 * Opens a case for a seizure whose authority asks for one ({@code openCase}), as flagging would: the reporting
 * authority flags it at the seizure's office, the brands whose verified GTINs were seized take part, the case opens
 * FLAGGED with its {@code case.opened} record, timeline entry and legal clocks. Rare next to plain seizures, so the
 * codes are matched one by one with the flagging matcher, names included.
 */
@ApplicationScoped
public class SeizureCases {

    private final AuthorityRepository authorities;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseEvents caseEvents;
    private final DeadlineService deadlines;
    private final CodeMatcher matcher;

    public SeizureCases(AuthorityRepository authorities, CaseRepository cases, ParticipantRepository participants,
            CaseEvents caseEvents, DeadlineService deadlines, CatalogueRepository catalogue) {
        this.authorities = authorities;
        this.cases = cases;
        this.participants = participants;
        this.caseEvents = caseEvents;
        this.deadlines = deadlines;
        this.matcher = new CodeMatcher(catalogue::byGtin, catalogue::byProduct);
    }

    /** The case opened; empty when the seizure's office is not one of its authority's offices in the directory. */
    public Optional<UUID> open(SeizureReported seizure, Instant now) {
        Optional<Authority> authority = authorities.findByIdOptional(seizure.authority());
        if (authority.isEmpty() || authority.get().office(seizure.office()).isEmpty()) {
            return Optional.empty();
        }
        ShipmentCase opened = new ShipmentCase();
        opened.id = UUID.randomUUID();
        opened.status = CaseStatus.FLAGGED;
        opened.authority = seizure.authority();
        opened.country = authority.get().country;
        opened.office = seizure.office();
        opened.transportMode = seizure.transportMode();
        opened.originCountry = seizure.consignor() == null ? null : seizure.consignor().country();
        opened.destinationCountry = seizure.country();
        List<ShipmentCase.GoodsLine> goods = new ArrayList<>();
        for (int i = 0; i < seizure.goods().size(); i++) {
            SeizureReported.Goods line = seizure.goods().get(i);
            List<ShipmentCase.SuspectedProduct> matched = new ArrayList<>();
            for (String code : line.codes() == null ? List.<String>of() : line.codes()) {
                matched.addAll(matcher.match(code, null));
            }
            goods.add(new ShipmentCase.GoodsLine(i + 1, line.description(), line.quantity(), line.unit(), null,
                    matched));
        }
        opened.goods = goods;
        opened.parties = new ShipmentCase.Parties(null, null, seizure.consignor() == null ? null
                : new ShipmentCase.Party(seizure.consignor().name(), null, seizure.consignor().country(),
                        seizure.consignor().url()));
        opened.notes = "Opened for seizure " + seizure.externalId() + " reported by the authority's customs system";
        opened.flaggedBy = "customs-system@" + seizure.authority();
        opened.openedAt = now;
        opened.updatedAt = now;
        cases.persist(opened);
        participants.persist(CaseParticipant.of(opened.id, CaseParticipant.AUTHORITY, opened.authority,
                CaseParticipant.FLAGGING, now));
        List<String> brandIds = goods.stream().flatMap(line -> line.brandIds().stream()).distinct().sorted().toList();
        brandIds.forEach(brand -> participants.persist(CaseParticipant.of(opened.id, CaseParticipant.BRAND, brand,
                CaseParticipant.RIGHT_HOLDER, now)));
        caseEvents.opened(opened, brandIds);
        deadlines.start(opened, CaseWorkflow.OPENING_STARTS, now);
        return Optional.of(opened.id);
    }
}
