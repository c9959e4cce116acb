package org.openipm.product.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.platform.problem.ProblemException;
import org.openipm.platform.security.Caller;
import org.openipm.platform.security.Roles;
import org.openipm.product.brand.BrandAccess;

/** Bulk catalogue import for one brand: CSV or JSON Lines in, a job with progress and per-row errors out. */
@Path("/api/v1/brands/{brandId}/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String CSV = "text/csv";
    static final String JSON_LINES = "application/x-ndjson";
    static final String JSONL = "application/jsonl";
    private static final int ERRORS_SHOWN = 1000;

    private final ImportService imports;
    private final BrandAccess access;
    private final Caller caller;

    public ImportResource(ImportService imports, BrandAccess access, Caller caller) {
        this.imports = imports;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes({CSV, JSON_LINES, JSONL})
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public Response submit(@PathParam("brandId") String brandId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] content) {
        access.requireManaged(brandId);
        ImportFormat format = type != null && type.startsWith(CSV) ? ImportFormat.CSV : ImportFormat.JSONL;
        ImportProgress job = imports.submit(brandId, format, content == null ? new byte[0] : content,
                caller.subject());
        return Response.accepted(ImportView.of(job))
                .location(URI.create("/api/v1/brands/" + brandId + "/imports/" + job.id())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BRAND, Roles.ADMIN})
    public ImportView progress(@PathParam("brandId") String brandId, @PathParam("id") UUID id) {
        access.requireManaged(brandId);
        return ImportView.of(imports.progress(brandId, id, ERRORS_SHOWN)
                .orElseThrow(() -> ProblemException.notFound("Import " + id)));
    }

    /** {@code percent} is what a progress bar shows; {@code errors} lists at most the first 1,000 failed rows. */
    public record ImportView(UUID id, String brandId, String format, String status, int total, int done,
            int failed, int created, int updated, int unchanged, int percent, List<RowError> errors,
            Instant createdAt, Instant finishedAt) {

        static ImportView of(ImportProgress job) {
            return new ImportView(job.id(), job.brandId(), job.format().name(), job.status().name(), job.total(),
                    job.done(), job.failed(), job.created(), job.updated(), job.unchanged(), job.percent(),
                    job.errors().stream().map(e -> new RowError(e.line(), e.sku(), e.message())).toList(),
                    job.createdAt(), job.finishedAt());
        }
    }

    public record RowError(int line, String sku, String message) {
    }
}
