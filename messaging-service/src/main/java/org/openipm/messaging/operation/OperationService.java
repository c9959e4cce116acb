package org.openipm.messaging.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.messaging.authority.AuthorityRepository;
import org.openipm.messaging.statistics.GroupBy;
import org.openipm.messaging.statistics.SeizureStatistics;
import org.openipm.messaging.statistics.SeizureStatisticsView;
import org.openipm.messaging.statistics.StatisticsScope;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/** Joint operations: created and changed by an administrator or the lead authority, read by participants. */
@ApplicationScoped
public class OperationService {

    private final OperationRepository operations;
    private final AuthorityRepository authorities;
    private final SeizureStatistics seizures;

    public OperationService(OperationRepository operations, AuthorityRepository authorities,
            SeizureStatistics seizures) {
        this.operations = operations;
        this.authorities = authorities;
        this.seizures = seizures;
    }

    @Transactional
    public Operation create(OperationRequest request, String lead, String user) {
        Operation operation = new Operation();
        operation.id = UUID.randomUUID();
        operation.createdBy = user;
        operation.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fill(operation, request, lead);
        operations.persist(operation);
        return operation;
    }

    @Transactional
    public Operation replace(Operation operation, OperationRequest request) {
        Operation managed = operations.findById(operation.id);
        fill(managed, request, managed.leadAuthority);
        return managed;
    }

    public Optional<Operation> find(UUID id) {
        return operations.findByIdOptional(id);
    }

    public List<Operation> visibleTo(OperationAccess.Viewer viewer) {
        return switch (viewer.kind()) {
            case ADMIN -> operations.newestFirst();
            case AUTHORITY -> operations.ofParticipant("authorities", viewer.id());
            case BRAND -> operations.ofParticipant("brands", viewer.id());
        };
    }

    /**
     * The operation's results, counted by the seizure statistics (the same rows, rules and sums as
     * {@code GET /api/v1/statistics/seizures?groupBy=operation}): everything for an authority or administrator, a
     * brand's own goods for a brand.
     */
    @Transactional
    public OperationView.Results results(Operation operation, GroupBy groupBy, Optional<String> brand) {
        StatisticsScope scope = brand.map(StatisticsScope::brand).orElse(StatisticsScope.all());
        List<SeizureStatisticsView.Group> total = seizures.ofOperation(operation.id, scope, GroupBy.OPERATION)
                .groups();
        List<OperationView.Group> groups = seizures.ofOperation(operation.id, scope, groupBy).groups().stream()
                .map(OperationView.Group::of).toList();
        return new OperationView.Results(operation.id, groupBy.name(), total.isEmpty() ? 0 : total.get(0).seizures(),
                operations.casesOf(operation.id, brand.orElse(null)), groups);
    }

    private void fill(Operation operation, OperationRequest request, String lead) {
        OperationRules.periodProblem(request.startsOn(), request.endsOn()).ifPresent(problem -> {
            throw invalid("endsOn", problem);
        });
        LinkedHashSet<String> participants = new LinkedHashSet<>(request.authorities());
        participants.add(lead);
        List<String> listed = new ArrayList<>(participants);
        for (int i = 0; i < listed.size(); i++) {
            if (authorities.findByIdOptional(listed.get(i)).isEmpty()) {
                String field = listed.get(i).equals(lead) && !request.authorities().contains(lead) ? "leadAuthority"
                        : "authorities[" + request.authorities().indexOf(listed.get(i)) + "]";
                throw invalid(field, listed.get(i) + " is not in the directory of authorities");
            }
        }
        operation.name = request.name().strip();
        operation.startsOn = request.startsOn();
        operation.endsOn = request.endsOn();
        operation.leadAuthority = lead;
        operation.authorities = listed;
        operation.brands = request.brands() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.brands()));
        operation.targetGoods = request.targetGoods() == null ? List.of() : request.targetGoods();
        operation.targetRoutes = request.targetRoutes() == null ? List.of() : request.targetRoutes();
        operation.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-operation", "Bad Request", 400, field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
