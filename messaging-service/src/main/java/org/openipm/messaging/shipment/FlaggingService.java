package org.openipm.messaging.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.messaging.Countries;
import org.openipm.messaging.authority.Authority;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.messaging.cases.CaseEvents;
import org.openipm.messaging.cases.CaseIdentifier;
import org.openipm.messaging.cases.CaseLink;
import org.openipm.messaging.cases.CaseParticipant;
import org.openipm.messaging.cases.CaseRepository;
import org.openipm.messaging.cases.CaseStatus;
import org.openipm.messaging.cases.IdentifierRepository;
import org.openipm.messaging.cases.LinkRepository;
import org.openipm.messaging.cases.MatchOutcome;
import org.openipm.messaging.cases.ParticipantRepository;
import org.openipm.messaging.cases.ShipmentCase;
import org.openipm.messaging.cases.ShipmentCase.SuspectedProduct;
import org.openipm.messaging.cases.rules.CaseWorkflow;
import org.openipm.messaging.cases.workflow.DeadlineService;
import org.openipm.messaging.catalogue.CatalogueRepository;
import org.openipm.messaging.infringer.CaseInfringerFlags;
import org.openipm.messaging.operation.OperationTagging;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Turns a flagged shipment into a case in one transaction: identifiers checked against their standards, the office
 * checked against the officer's authority, suspected products matched through the catalogue copy (no call to another
 * service), the case and its participants stored, the same shipment flagged elsewhere linked, and
 * {@code shipment-flagged} plus the {@code case-events} records queued in the outbox.
 */
@ApplicationScoped
public class FlaggingService {

    private final AuthorityRepository authorities;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final IdentifierRepository identifiers;
    private final LinkRepository links;
    private final CaseEvents caseEvents;
    private final Outbox outbox;
    private final CodeMatcher matcher;
    private final DeadlineService deadlines;
    private final CaseInfringerFlags infringerFlags;
    private final OperationTagging operationTagging;
    private final Clock clock;

    public FlaggingService(AuthorityRepository authorities, CaseRepository cases, ParticipantRepository participants,
            IdentifierRepository identifiers, LinkRepository links, CaseEvents caseEvents, Outbox outbox,
            CatalogueRepository catalogue, DeadlineService deadlines, CaseInfringerFlags infringerFlags,
            OperationTagging operationTagging, Clock clock) {
        this.authorities = authorities;
        this.cases = cases;
        this.participants = participants;
        this.identifiers = identifiers;
        this.links = links;
        this.caseEvents = caseEvents;
        this.outbox = outbox;
        this.matcher = new CodeMatcher(catalogue::byGtin, catalogue::byProduct);
        this.deadlines = deadlines;
        this.infringerFlags = infringerFlags;
        this.operationTagging = operationTagging;
        this.clock = clock;
    }

    @Transactional
    public Flagged flag(ShipmentRequest request, String authorityId, String officer) {
        List<String[]> normalised = checkedIdentifiers(request);
        checkCountriesAndProducts(request);
        Authority authority = authorities.findByIdOptional(authorityId).orElseThrow(() -> invalid("office",
                "your authority " + authorityId + " is not in the directory of authorities; an administrator "
                        + "registers it and its offices first"));
        if (authority.office(request.office()).isEmpty()) {
            throw invalid("office", request.office() + " is not an office of " + authorityId + "; its offices are "
                    + authority.offices.stream().map(o -> o.code()).toList());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ShipmentCase opened = new ShipmentCase();
        opened.id = UUID.randomUUID();
        opened.status = CaseStatus.FLAGGED;
        opened.authority = authority.id;
        opened.country = authority.country;
        opened.office = request.office();
        opened.transportMode = request.transportMode().name();
        opened.originCountry = request.originCountry();
        opened.destinationCountry = request.destinationCountry();
        opened.goods = matchedGoods(request);
        opened.parties = new ShipmentCase.Parties(party(request.trader()), party(request.consignee()),
                party(request.consignor()));
        opened.notes = request.notes();
        opened.flaggedBy = officer;
        opened.openedAt = now;
        opened.updatedAt = now;
        cases.persist(opened);

        Map<String, String> brands = verifiedBrands(opened.goods);
        participants.persist(CaseParticipant.of(opened.id, CaseParticipant.AUTHORITY, authority.id,
                CaseParticipant.FLAGGING, now));
        brands.keySet().forEach(brand -> participants.persist(CaseParticipant.of(opened.id, CaseParticipant.BRAND,
                brand, CaseParticipant.RIGHT_HOLDER, now)));
        List<String> brandIds = List.copyOf(brands.keySet());
        outbox.record(Topics.SHIPMENT_FLAGGED, opened.id.toString(), EventTypes.SHIPMENT_FLAGGED, now,
                new ShipmentFlagged(opened.id, opened.authority, opened.country, opened.office, opened.transportMode,
                        opened.originCountry, opened.destinationCountry, brandIds,
                        opened.goods.stream().map(line -> new ShipmentFlagged.GoodsLine(line.line(),
                                line.description(), line.quantity(), line.unit(), line.brandIds())).toList(),
                        now));
        caseEvents.opened(opened, brandIds);
        // Presenting the goods starts the periods that count from it (e.g. 19 CFR 151.16(b) in the US).
        deadlines.start(opened, CaseWorkflow.OPENING_STARTS, now);
        List<Flagged.LinkedCase> linked = linkSameShipment(opened, normalised, now);
        // Red flags (infringer package): the consignor and seller are known now; matches go on the case.
        infringerFlags.mark(opened, brandIds, now);
        // Joint operations (operation package): the named operation if the authority takes part (else 400), or
        // those it takes part in on this day.
        operationTagging.tagCase(opened.id, opened.authority, now, request.operationId());
        return answer(opened, brands, linked);
    }

    /** Each identifier normalised by its standard, or a 400 naming the field and what is wrong. */
    private static List<String[]> checkedIdentifiers(ShipmentRequest request) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> normalised = new ArrayList<>();
        for (int i = 0; i < request.identifiers().size(); i++) {
            ShipmentRequest.Identifier identifier = request.identifiers().get(i);
            try {
                String value = identifier.kind().normalise(identifier.value());
                if (seen.add(identifier.kind() + ":" + value)) {
                    normalised.add(new String[] { identifier.kind().name(), value });
                }
            } catch (InvalidIdentifierException e) {
                throw new ProblemException(Problem.of("invalid-identifier", "Bad Request", 400, e.getMessage())
                        .withErrors(List.of(new Problem.FieldError("identifiers[" + i + "].value", e.getMessage()))));
            }
        }
        return normalised;
    }

    private static void checkCountriesAndProducts(ShipmentRequest request) {
        checkCountry("originCountry", request.originCountry());
        checkCountry("destinationCountry", request.destinationCountry());
        int products = 0;
        for (int i = 0; i < request.goods().size(); i++) {
            List<ShipmentRequest.SuspectedProduct> suspected = request.goods().get(i).suspectedOrNone();
            for (int j = 0; j < suspected.size(); j++) {
                ShipmentRequest.SuspectedProduct product = suspected.get(j);
                boolean hasCode = product.code() != null && !product.code().isBlank();
                if (hasCode == (product.productId() != null)) {
                    throw invalid("goods[" + i + "].suspectedProducts[" + j + "]",
                            "a suspected product is either a code as scanned or a productId, exactly one of them");
                }
            }
            products += suspected.size();
        }
        if (products > ShipmentRequest.MAX_PRODUCTS) {
            throw invalid("goods", "at most " + ShipmentRequest.MAX_PRODUCTS + " suspected products per shipment ("
                    + products + " given); flag the rest as another shipment");
        }
        for (String party : List.of("trader", "consignee", "consignor")) {
            ShipmentRequest.Party given = switch (party) {
                case "trader" -> request.trader();
                case "consignee" -> request.consignee();
                default -> request.consignor();
            };
            if (given != null) {
                checkCountry(party + ".country", given.country());
            }
        }
    }

    private static void checkCountry(String field, String code) {
        if (code != null && !Countries.isAssigned(code)) {
            throw invalid(field, code + " is not an assigned ISO 3166-1 alpha-2 code");
        }
    }

    private List<ShipmentCase.GoodsLine> matchedGoods(ShipmentRequest request) {
        List<ShipmentCase.GoodsLine> lines = new ArrayList<>();
        for (int i = 0; i < request.goods().size(); i++) {
            ShipmentRequest.GoodsLine line = request.goods().get(i);
            List<SuspectedProduct> matched = new ArrayList<>();
            for (ShipmentRequest.SuspectedProduct product : line.suspectedOrNone()) {
                matched.addAll(matcher.match(product.productId() == null ? product.code() : null,
                        product.productId()));
            }
            lines.add(new ShipmentCase.GoodsLine(i + 1, line.description().strip(), line.quantity(), line.unit(),
                    line.hsCode(), matched));
        }
        return lines;
    }

    /** Brand id -> brand name of every verified match, sorted by id. */
    private static Map<String, String> verifiedBrands(List<ShipmentCase.GoodsLine> goods) {
        Map<String, String> brands = new java.util.TreeMap<>();
        goods.stream().flatMap(line -> line.suspectedProducts().stream())
                .filter(p -> p.outcome() == MatchOutcome.VERIFIED)
                .forEach(p -> brands.putIfAbsent(p.brandId(), p.brandName()));
        return brands;
    }

    /**
     * Links this case with every case of the same container, air waybill or postal item flagged by another office
     * or another authority; both cases get the link and a case.linked record.
     */
    private List<Flagged.LinkedCase> linkSameShipment(ShipmentCase opened, List<String[]> normalised, Instant now) {
        List<Flagged.LinkedCase> linked = new ArrayList<>();
        // Locks are always taken in the same order, so two flags sharing two identifiers cannot deadlock.
        List<String[]> ordered = normalised.stream()
                .sorted(java.util.Comparator.comparing((String[] i) -> i[0]).thenComparing(i -> i[1])).toList();
        for (String[] identifier : ordered) {
            String kind = identifier[0];
            String value = identifier[1];
            if (IdentifierKind.valueOf(kind).identifiesOneShipment()) {
                identifiers.lock(kind, value);
                for (UUID earlierId : identifiers.casesWith(kind, value)) {
                    ShipmentCase earlier = cases.findById(earlierId);
                    boolean elsewhere = !earlier.authority.equals(opened.authority)
                            || !earlier.office.equals(opened.office);
                    if (elsewhere && !links.linked(opened.id, earlier.id)) {
                        links.persist(CaseLink.of(opened.id, earlier.id, kind, value, now));
                        links.persist(CaseLink.of(earlier.id, opened.id, kind, value, now));
                        caseEvents.linked(opened, earlier, kind, value, now);
                        caseEvents.linked(earlier, opened, kind, value, now);
                        linked.add(new Flagged.LinkedCase(earlier.id, earlier.authority, earlier.country,
                                earlier.office, kind, value));
                    }
                }
            }
        }
        normalised.forEach(identifier -> identifiers.persist(CaseIdentifier.of(opened.id, identifier[0],
                identifier[1])));
        return linked;
    }

    private static Flagged answer(ShipmentCase opened, Map<String, String> brands, List<Flagged.LinkedCase> linked) {
        Map<String, Set<UUID>> productsByBrand = new LinkedHashMap<>();
        brands.keySet().forEach(brand -> productsByBrand.put(brand, new TreeSet<>()));
        List<Flagged.Match> unverified = new ArrayList<>();
        List<Flagged.Unmatched> unmatched = new ArrayList<>();
        for (ShipmentCase.GoodsLine line : opened.goods) {
            for (SuspectedProduct p : line.suspectedProducts()) {
                switch (p.outcome()) {
                    case VERIFIED -> productsByBrand.get(p.brandId()).add(p.productId());
                    case UNVERIFIED -> unverified.add(new Flagged.Match(p.code(), p.gtin(), p.productId(),
                            p.productName(), p.brandId(), p.brandName()));
                    case UNMATCHED -> unmatched.add(new Flagged.Unmatched(p.code(), p.productIdGiven(), p.gtin(),
                            p.reason()));
                }
            }
        }
        List<Flagged.Brand> brandList = brands.entrySet().stream().map(e -> new Flagged.Brand(e.getKey(),
                e.getValue(), List.copyOf(productsByBrand.get(e.getKey())))).toList();
        return new Flagged(opened.id, opened.status.name(), brandList, unverified, unmatched, linked);
    }

    private static ShipmentCase.Party party(ShipmentRequest.Party given) {
        return given == null ? null : new ShipmentCase.Party(given.name(), given.address(), given.country(),
                given.onlineSellerUrl());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-shipment", "Bad Request", 400, field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
