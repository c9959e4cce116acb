package org.openipm.messaging.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openipm.messaging.cases.MatchOutcome;
import org.openipm.messaging.catalogue.CatalogueRepository;
import org.openipm.messaging.shipment.CodeMatcher;

/**
 * The seizures an operation counts, read from the seizure reports as they are stored (the seizure statistics query
 * is to replace this once it exists). A seizure counts for an operation when its authority takes part and either
 * names the operation (explicit), or names none, or names one its authority does not take part in, and was made
 * within the period (implicit). Explicit wins: a seizure naming one of its authority's operations counts only there.
 * Each goods line is attributed to the brands whose verified products its codes designate, through the catalogue copy.
 */
@ApplicationScoped
public class OperationSeizures {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CodeMatcher codes;

    public OperationSeizures(EntityManager entityManager, ObjectMapper json, CatalogueRepository catalogue) {
        this.entityManager = entityManager;
        this.json = json;
        this.codes = new CodeMatcher(catalogue::byGtin, catalogue::byProduct);
    }

    public List<OperationResults.Seizure> of(Operation operation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select s.report::text, s.authority from seizure_report s "
                        + "where s.authority in (select jsonb_array_elements_text(o.authorities) from operation o "
                        + "where o.id = ?1) and ((s.report->>'operationId') = cast(?1 as text) or ("
                        + "(s.report->>'seizedOn')::date between ?2 and ?3 and not exists (select 1 from operation n "
                        + "where n.id::text = s.report->>'operationId' and n.authorities @> "
                        + "jsonb_build_array(s.authority))))")
                .setParameter(1, operation.id).setParameter(2, operation.startsOn).setParameter(3, operation.endsOn)
                .getResultList();
        Map<String, Set<String>> brandsByCode = new HashMap<>();
        List<OperationResults.Seizure> seizures = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            seizures.add(seizure(readTree((String) row[0]), brandsByCode));
        }
        return seizures;
    }

    private OperationResults.Seizure seizure(JsonNode report, Map<String, Set<String>> brandsByCode) {
        List<OperationResults.Line> lines = new ArrayList<>();
        for (JsonNode goods : report.path("goods")) {
            List<String> scanned = new ArrayList<>();
            goods.path("codes").forEach(code -> scanned.add(code.asText()));
            Set<String> brands = OperationResults.brandsOf(scanned, code -> brandsByCode.computeIfAbsent(code,
                    c -> codes.match(c, null).stream().filter(p -> p.outcome() == MatchOutcome.VERIFIED)
                            .map(p -> p.brandId()).collect(Collectors.toSet())));
            lines.add(new OperationResults.Line(brands, goods.path("quantity").decimalValue(),
                    goods.path("unit").asText()));
        }
        JsonNode value = report.path("estimatedValue");
        return new OperationResults.Seizure(report.path("country").asText(), report.path("transportMode").asText(),
                LocalDate.parse(report.path("seizedOn").asText()), lines,
                value.isNumber() ? value.decimalValue() : null,
                report.path("currency").isTextual() ? report.path("currency").asText() : null);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored seizure report is not JSON", e);
        }
    }
}
