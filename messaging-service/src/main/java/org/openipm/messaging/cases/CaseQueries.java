package org.openipm.messaging.cases;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openipm.messaging.cases.deadline.DeadlineRepository;
import org.openipm.messaging.cases.deadline.DeadlineState;
import org.openipm.messaging.cases.deadline.DeadlineView;
import org.openipm.messaging.cases.rules.DeadlineKind;
import org.openipm.messaging.cases.timeline.CaseTimeline;
import org.openipm.messaging.cases.timeline.TimelineEntryView;

/**
 * Reads cases through a viewer's eyes: a case the viewer takes no part in does not exist for it, and a brand's view
 * is cut down to its own goods before it leaves this class.
 */
@ApplicationScoped
public class CaseQueries {

    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final IdentifierRepository identifiers;
    private final LinkRepository links;
    private final CaseTimeline timeline;
    private final UnreadMessages unread;
    private final DeadlineRepository deadlines;

    public CaseQueries(CaseRepository cases, ParticipantRepository participants, IdentifierRepository identifiers,
            LinkRepository links, CaseTimeline timeline, UnreadMessages unread, DeadlineRepository deadlines) {
        this.cases = cases;
        this.participants = participants;
        this.identifiers = identifiers;
        this.links = links;
        this.timeline = timeline;
        this.unread = unread;
        this.deadlines = deadlines;
    }

    /**
     * The viewer's cases, newest first, optionally of one status, concerning one brand, and with an open deadline
     * (one the viewer may see) due before an instant.
     */
    @Transactional
    public CasePage list(CaseViewer viewer, Optional<CaseStatus> status, Optional<String> brand,
            Optional<Instant> deadlineBefore, int page, int size) {
        if (viewer.isBrand() && brand.filter(b -> !b.equals(viewer.id())).isPresent()) {
            // A brand asking for another brand's cases learns nothing, not even that they share one.
            return new CasePage(List.of(), page, size, 0);
        }
        StringBuilder query = new StringBuilder("exists (select 1 from CaseParticipant p where p.caseId = c.id "
                + "and p.partyKind = :kind and p.partyId = :party)");
        Parameters parameters = Parameters.with("kind", viewer.kind()).and("party", viewer.id());
        if (status.isPresent()) {
            query.append(" and c.status = :status");
            parameters.and("status", status.get());
        }
        if (brand.isPresent()) {
            query.append(" and exists (select 1 from CaseParticipant b where b.caseId = c.id and b.partyKind = "
                    + "'BRAND' and b.partyId = :brand)");
            parameters.and("brand", brand.get());
        }
        if (deadlineBefore.isPresent()) {
            query.append(" and exists (select 1 from CaseDeadline d where d.caseId = c.id and d.state = :open"
                    + " and d.dueAt < :before and d.kind in :kinds)");
            parameters.and("open", DeadlineState.OPEN).and("before", deadlineBefore.get())
                    .and("kinds", visibleKinds(viewer));
        }
        var found = cases.find("from ShipmentCase c where " + query, Sort.descending("openedAt").and("id"),
                parameters).page(Page.of(page, size));
        List<ShipmentCase> rows = found.list();
        List<UUID> ids = rows.stream().map(c -> c.id).toList();
        Map<UUID, List<String>> brands = brandsOf(ids);
        Map<UUID, Long> unreadByCase = unread.unreadByCase(ids, viewer);
        List<CaseSummary> items = rows.stream().map(c -> new CaseSummary(c.id, c.status, c.openedAt, c.authority,
                c.country, c.office, c.transportMode, c.originCountry, c.destinationCountry,
                viewer.isBrand() ? List.of(viewer.id()) : brands.getOrDefault(c.id, List.of()),
                unreadByCase.getOrDefault(c.id, 0L))).toList();
        return new CasePage(items, page, size, found.count());
    }

    /** The case as this viewer may see it; empty when it does not exist or the viewer takes no part in it. */
    @Transactional
    public Optional<Object> find(UUID id, CaseViewer viewer) {
        if (!participants.takesPart(id, viewer)) {
            return Optional.empty();
        }
        return cases.findByIdOptional(id).map(c -> viewer.isBrand() ? brandView(c, viewer.id()) : officerView(c));
    }

    private OfficerCaseView officerView(ShipmentCase c) {
        return new OfficerCaseView(c.id, c.status, c.openedAt, c.authority, c.country, c.office, c.transportMode,
                c.originCountry, c.destinationCountry,
                identifiers.ofCase(c.id).stream().map(i -> new OfficerCaseView.IdentifierView(i.kind, i.value))
                        .toList(),
                c.goods, c.parties, c.notes, c.flaggedBy,
                participants.ofCase(c.id).stream().map(p -> new OfficerCaseView.ParticipantView(p.partyKind,
                        p.partyId, p.role, p.joinedAt)).toList(),
                links.ofCase(c.id).stream().map(this::linkedCase).toList(), timeline.forAuthority(c.id),
                factsOf(c), deadlines.ofCase(c.id).stream().map(DeadlineView::of).toList());
    }

    private OfficerCaseView.LinkedCaseView linkedCase(CaseLink link) {
        ShipmentCase other = cases.findById(link.linkedCaseId);
        return new OfficerCaseView.LinkedCaseView(other.id, other.authority, other.country, other.office, link.kind,
                link.value, link.linkedAt);
    }

    static BrandCaseView brandView(ShipmentCase c, String brandId, List<String> authorities,
            List<TimelineEntryView> timeline, List<DeadlineView> deadlines) {
        List<BrandCaseView.Goods> goods = c.goods.stream().filter(line -> line.concerns(brandId))
                .map(line -> new BrandCaseView.Goods(line.line(), line.description(), line.quantity(), line.unit(),
                        line.hsCode(), line.suspectedProducts().stream().filter(p -> p.makesParticipant(brandId))
                                .map(p -> new BrandCaseView.Product(p.code(), p.productId(), p.productName(),
                                        p.gtin()))
                                .toList()))
                .toList();
        return new BrandCaseView(c.id, c.status, c.openedAt, c.authority, c.country, c.office, c.transportMode,
                c.originCountry, c.destinationCountry, goods, authorities, timeline, factsOf(c), deadlines);
    }

    private BrandCaseView brandView(ShipmentCase c, String brandId) {
        List<String> authorities = participants.ofCase(c.id).stream()
                .filter(p -> CaseParticipant.AUTHORITY.equals(p.partyKind)).map(p -> p.partyId).toList();
        List<DeadlineView> shown = deadlines.ofCase(c.id).stream().filter(d -> d.kind.shownToRightHolder())
                .map(DeadlineView::of).toList();
        return brandView(c, brandId, authorities, timeline.forBrand(c.id, brandId), shown);
    }

    private static List<String> factsOf(ShipmentCase c) {
        return c.goodsFacts.stream().map(Enum::name).sorted().toList();
    }

    private static List<DeadlineKind> visibleKinds(CaseViewer viewer) {
        return Arrays.stream(DeadlineKind.values()).filter(k -> !viewer.isBrand() || k.shownToRightHolder())
                .toList();
    }

    private Map<UUID, List<String>> brandsOf(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return participants.list("caseId in ?1 and partyKind = ?2 order by partyId", caseIds, CaseParticipant.BRAND)
                .stream().collect(Collectors.groupingBy(p -> p.caseId,
                        Collectors.mapping(p -> p.partyId, Collectors.toList())));
    }
}
