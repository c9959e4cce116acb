package org.openipm.messaging.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;

/** Seizure statistics: administrators see every seizure, an authority its own, a brand its own goods only. */
@Path("/api/v1/statistics/seizures")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final SeizureStatistics statistics;
    private final Caller caller;

    public StatisticsResource(SeizureStatistics statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /**
     * {@code groupBy} = country, brand, month or transportMode; {@code from}/{@code to}: days of seizure
     * (YYYY-MM-DD, both included, either may be left out).
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OFFICER, Roles.CUSTOMS_SYSTEM, Roles.BRAND })
    public SeizureStatisticsView seizures(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        GroupBy group = GroupBy.of(groupBy).orElseThrow(() -> invalid("groupBy",
                "one of " + GroupBy.accepted() + (groupBy == null ? " is required" : " (not " + groupBy + ")")));
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw invalid("from", "from (" + first + ") is after to (" + last + ")");
        }
        return statistics.of(scope(), group, first, last);
    }

    private StatisticsScope scope() {
        if (caller.isAdmin()) {
            return StatisticsScope.all();
        }
        String org = caller.org().orElseThrow(() -> ProblemException.forbidden(
                "The token names no organisation (claim org)"));
        return caller.is(Roles.BRAND) ? StatisticsScope.brand(org) : StatisticsScope.authority(org);
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "a day as YYYY-MM-DD (not " + value + ")");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-statistics-query", "Bad Request", 400, field + ": "
                + message).withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
