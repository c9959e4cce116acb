package org.openipm.messaging.cases.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal periods as data: jurisdictions (which countries, which weekend, how days count) and rules (one
 * period each, with its source). The bundled table is {@code deadline-rules.json} beside this class; adding a
 * jurisdiction is adding rows there. The table is checked when it is loaded, so a broken row stops the service
 * at start-up instead of computing a wrong deadline later.
 */
public final class DeadlineRules {

    static final String BUNDLED = "deadline-rules.json";

    private final Map<String, Jurisdiction> jurisdictionByCountry;
    private final Map<String, DeadlineRule> ruleById;
    private final List<Jurisdiction> jurisdictions;
    private final List<DeadlineRule> rules;

    private DeadlineRules(RuleBook book) {
        this.jurisdictions = List.copyOf(book.jurisdictions());
        this.rules = List.copyOf(book.rules());
        this.jurisdictionByCountry = indexCountries(jurisdictions);
        this.ruleById = indexRules(rules, jurisdictions);
    }

    /** The table that ships with OpenIPM. */
    public static DeadlineRules bundled() {
        try (InputStream in = DeadlineRules.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return from(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table read from JSON in the bundled file's format. */
    public static DeadlineRules from(InputStream json) throws IOException {
        // A misspelt field fails instead of silently falling back to a default; absent booleans mean false.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new DeadlineRules(mapper.readValue(json, RuleBook.class));
    }

    public List<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    public List<DeadlineRule> rules() {
        return rules;
    }

    /** The jurisdiction whose periods apply to an office in this country; empty where OpenIPM knows none. */
    public Optional<Jurisdiction> jurisdictionOf(String country) {
        return Optional.ofNullable(jurisdictionByCountry.get(country));
    }

    public Optional<DeadlineRule> rule(String id) {
        return Optional.ofNullable(ruleById.get(id));
    }

    /** The rules of this jurisdiction that an event starts for a case with these traits. */
    public List<DeadlineRule> startedBy(Jurisdiction jurisdiction, ClockStart event, Set<CaseTrait> traits) {
        return rules.stream()
                .filter(r -> r.jurisdiction().equals(jurisdiction.id()))
                .filter(r -> r.startsOn() == event)
                .filter(r -> r.appliesTo(traits))
                .toList();
    }

    /** Whether recording {@code event} starts or meets any period of this jurisdiction for a case with these traits. */
    public boolean concerns(Jurisdiction jurisdiction, ClockStart event, Set<CaseTrait> traits) {
        return rules.stream()
                .filter(r -> r.jurisdiction().equals(jurisdiction.id()))
                .filter(r -> r.appliesTo(traits))
                .anyMatch(r -> r.startsOn() == event || r.endsOn().contains(event));
    }

    /**
     * The procedure a case follows: the EU small consignment procedure where the jurisdiction has it and the
     * goods qualify (never for perishable goods, Art. 26(1)(b)), the standard one otherwise.
     */
    public Procedure procedureFor(CaseFacts facts) {
        boolean available = jurisdictionOf(facts.office().country())
                .map(Jurisdiction::smallConsignmentProcedure)
                .orElse(false);
        return available && facts.has(CaseTrait.SMALL_CONSIGNMENT) && !facts.has(CaseTrait.PERISHABLE)
                ? Procedure.SMALL_CONSIGNMENT
                : Procedure.STANDARD;
    }

    private static Map<String, Jurisdiction> indexCountries(List<Jurisdiction> jurisdictions) {
        Map<String, Jurisdiction> byCountry = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Jurisdiction j : jurisdictions) {
            require(ids.add(j.id()), "jurisdiction " + j.id() + " is defined twice");
            require(!blank(j.dayCounting()), "jurisdiction " + j.id() + " does not say how days are counted");
            require(j.weekend().size() < 7, "jurisdiction " + j.id() + " has no working day");
            for (String country : j.countries()) {
                require(country.matches("[A-Z]{2}"), "jurisdiction " + j.id() + " names " + country
                        + ", not an ISO 3166-1 alpha-2 code");
                Jurisdiction other = byCountry.put(country, j);
                require(other == null, country + " is in both " + j.id() + " and "
                        + (other == null ? "" : other.id()));
            }
        }
        return Map.copyOf(byCountry);
    }

    private static Map<String, DeadlineRule> indexRules(List<DeadlineRule> rules, List<Jurisdiction> jurisdictions) {
        Set<String> jurisdictionIds = new HashSet<>();
        jurisdictions.forEach(j -> jurisdictionIds.add(j.id()));
        Map<String, DeadlineRule> byId = new HashMap<>();
        for (DeadlineRule r : rules) {
            require(byId.put(r.id(), r) == null, "rule " + r.id() + " is defined twice");
            require(jurisdictionIds.contains(r.jurisdiction()),
                    "rule " + r.id() + " names the unknown jurisdiction " + r.jurisdiction());
            require(r.kind() != null && r.startsOn() != null && r.unit() != null,
                    "rule " + r.id() + " lacks its kind, its starting event or its unit");
            require(r.amount() > 0, "rule " + r.id() + " has no period");
            require(!blank(r.citation()), "rule " + r.id() + " cites no source");
            r.extensionPolicy().ifPresent(e -> require(!blank(e.citation()),
                    "the extension of rule " + r.id() + " cites no source"));
        }
        return Map.copyOf(byId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Deadline rule table: " + problem);
        }
    }

    /** The file's shape. */
    record RuleBook(List<Jurisdiction> jurisdictions, List<DeadlineRule> rules) {
    }
}
