package org.openipm.messaging.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openipm.platform.problem.PageBounds;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Roles;

/**
 * Cases for their participants only. Every role may ask, so that nobody learns from a 403 that a case exists: a
 * caller who takes no part in a case gets 404 for it, and an empty list.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OFFICER, Roles.BRAND, Roles.ADMIN, Roles.CUSTOMS_SYSTEM, Roles.SSP })
public class CaseResource {

    static final int MAX_PAGE_SIZE = 100;

    private final CaseQueries queries;
    private final CaseAccess access;
    private final PageBounds pageBounds;

    public CaseResource(CaseQueries queries, CaseAccess access, PageBounds pageBounds) {
        this.queries = queries;
        this.access = access;
        this.pageBounds = pageBounds;
    }

    /**
     * The caller's cases, newest first; {@code status}, {@code brand} and {@code deadlineBefore} (an ISO instant, or
     * a date meaning its start in UTC) narrow them; pages of at most 100.
     */
    @GET
    public CasePage list(@QueryParam("status") String status, @QueryParam("brand") String brand,
            @QueryParam("deadlineBefore") String deadlineBefore,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("page-out-of-range", "size may be at most " + MAX_PAGE_SIZE);
        }
        pageBounds.check(page, size);
        Optional<CaseStatus> wanted = Optional.ofNullable(status).map(CaseResource::statusOf);
        Optional<Instant> before = Optional.ofNullable(deadlineBefore).map(CaseResource::instantOf);
        return access.viewer()
                .map(viewer -> queries.list(viewer, wanted, Optional.ofNullable(brand), before, page, size))
                .orElse(new CasePage(List.of(), page, size, 0));
    }

    /** An officer's or a brand's view of the case (see OfficerCaseView and BrandCaseView). */
    @GET
    @Path("/{id}")
    public Object get(@PathParam("id") UUID id) {
        return access.viewer().flatMap(viewer -> queries.find(id, viewer))
                .orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    private static Instant instantOf(String value) {
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-deadline-before", "deadlineBefore is an ISO 8601 instant"
                    + " (2027-01-08T23:00:00Z) or date (2027-01-09), not " + value);
        }
    }

    private static CaseStatus statusOf(String status) {
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-status", "status is one of "
                    + java.util.Arrays.toString(CaseStatus.values()));
        }
    }
}
