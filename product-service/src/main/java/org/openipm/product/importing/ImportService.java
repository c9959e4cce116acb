package org.openipm.product.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.brand.BrandRepository;
import org.openipm.product.product.ProductRequest;
import org.openipm.product.product.ProductRules;
import org.openipm.product.product.ProductService;

/**
 * Bulk imports. An upload is checked for structure at once (a broken file changes nothing), then runs as a job:
 * rows are checked one by one, applied in chunks of one transaction each, and a chunk that fails in the database
 * is replayed row by row, so a bad row never half-writes a product and never blocks the good ones. Rows are
 * upserted by the brand's SKU, so running the same file twice changes nothing the second time.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int CHUNK = 200;

    private final ImportRepository jobs;
    private final BrandRepository brands;
    private final ProductService products;
    private final Validator validator;
    private final ImportFileReader reader;
    private final EntityManager entityManager;
    private final long retryAfterSeconds;
    private ExecutorService worker;

    public ImportService(ImportRepository jobs, BrandRepository brands, ProductService products, Validator validator,
            ObjectMapper json, EntityManager entityManager, ImportLimits limits) {
        this.entityManager = entityManager;
        this.jobs = jobs;
        this.brands = brands;
        this.products = products;
        this.validator = validator;
        this.reader = new ImportFileReader(json, limits.maxRows(), limits.maxLineLength());
        this.retryAfterSeconds = Math.max(1, limits.retryAfter().toSeconds());
    }

    void start(@Observes StartupEvent startup) {
        // One import at a time: on a small node, parallel imports would only compete for the same cores.
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "catalogue-import"));
        QuarkusTransaction.requiringNew().call(jobs::unfinished).forEach(job -> worker.submit(() -> run(job.id)));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    public ImportProgress submit(String brandId, ImportFormat format, byte[] content, String submittedBy) {
        int rows;
        try {
            rows = reader.read(format, content).size();
        } catch (ImportFileReader.RejectedUploadException e) {
            String title = e.status == 413 ? "Content Too Large" : "Bad Request";
            throw new ProblemException(Problem.of(e.kind, title, e.status, e.getMessage()));
        }
        ImportProgress job = QuarkusTransaction.requiringNew().call(() -> {
            // The brand's row lock makes "is another import of this brand pending?" and the insert one step,
            // so two uploads at the same moment cannot both be queued.
            if (brands.findByIdOptional(brandId, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                throw ProblemException.unprocessable("unknown-brand", "Brand " + brandId + " is not registered");
            }
            if (jobs.hasPending(brandId)) {
                throw ProblemException.tooManyRequests("import-pending", "Brand " + brandId + " already has an"
                        + " import queued or running; send this one when it has finished", retryAfterSeconds);
            }
            ImportJob created = new ImportJob();
            created.id = UUID.randomUUID();
            created.brandId = brandId;
            created.format = format;
            created.status = ImportStatus.QUEUED;
            created.totalRows = rows;
            created.content = content;
            created.submittedBy = submittedBy;
            created.createdAt = Instant.now();
            jobs.persist(created);
            return created.progress(List.of());
        });
        worker.submit(() -> run(job.id()));
        return job;
    }

    /** The brand's job with at most {@code errorsShown} failed rows, the first ones in the file. */
    public Optional<ImportProgress> progress(String brandId, UUID id, int errorsShown) {
        return jobs.findByIdOptional(id).filter(job -> job.brandId.equals(brandId))
                .map(job -> job.progress(jobs.errorsOf(id, errorsShown).stream().map(ImportError::failure).toList()));
    }

    void run(UUID jobId) {
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob row = jobs.findById(jobId);
                row.status = ImportStatus.RUNNING;
                row.doneRows = row.failedRows = row.createdRows = row.updatedRows = row.unchangedRows = 0;
                jobs.deleteErrorsOf(jobId);
                return new Job(row.brandId, row.submittedBy, reader.read(row.format, row.content));
            });
            Progress progress = new Progress();
            for (int from = 0; from < job.rows().size(); from += CHUNK) {
                List<ImportRow> chunk = job.rows().subList(from, Math.min(from + CHUNK, job.rows().size()));
                List<RowFailure> failures = apply(job, chunk, progress);
                QuarkusTransaction.requiringNew().run(() -> {
                    failures.forEach(failure -> jobs.addError(ImportError.of(jobId, failure)));
                    ImportJob row = jobs.findById(jobId);
                    progress.copyTo(row);
                });
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob row = jobs.findById(jobId);
                row.status = ImportStatus.COMPLETED;
                row.finishedAt = Instant.now();
                row.content = null;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob row = jobs.findById(jobId);
                row.status = ImportStatus.FAILED;
                row.finishedAt = Instant.now();
            });
        }
    }

    private record Job(String brandId, String submittedBy, List<ImportRow> rows) {
    }

    private static final class Progress {
        int done;
        int failed;
        int created;
        int updated;
        int unchanged;

        void count(ProductService.Outcome outcome) {
            done++;
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        void copyTo(ImportJob job) {
            job.doneRows = done;
            job.failedRows = failed;
            job.createdRows = created;
            job.updatedRows = updated;
            job.unchangedRows = unchanged;
        }
    }

    private List<RowFailure> apply(Job job, List<ImportRow> chunk, Progress progress) {
        List<RowFailure> errors = new ArrayList<>();
        List<ImportRow> valid = new ArrayList<>();
        for (ImportRow row : chunk) {
            Optional<String> problem = problemOf(job.brandId(), row);
            if (problem.isPresent()) {
                errors.add(RowFailure.of(row, problem.get()));
                progress.done++;
                progress.failed++;
            } else {
                valid.add(row);
            }
        }
        try {
            List<ProductService.Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> valid.stream()
                    .map(row -> {
                        ProductService.Outcome outcome = products.upsertBySku(job.brandId(), row.request(),
                                job.submittedBy()).outcome();
                        // A small persistence context keeps each row's queries from re-checking the whole chunk.
                        entityManager.flush();
                        entityManager.clear();
                        return outcome;
                    })
                    .toList());
            outcomes.forEach(progress::count);
        } catch (RuntimeException chunkFailed) {
            for (ImportRow row : valid) {
                try {
                    progress.count(QuarkusTransaction.requiringNew().call(() ->
                            products.upsertBySku(job.brandId(), row.request(), job.submittedBy()).outcome()));
                } catch (RuntimeException rowFailed) {
                    // Only our own rule texts reach the brand; a database message stays in the log.
                    if (!(rowFailed instanceof ProblemException)) {
                        LOG.warnf(rowFailed, "Import of brand %s: line %d could not be saved", job.brandId(), row.line());
                    }
                    errors.add(RowFailure.of(row, rowFailed instanceof ProblemException p ? p.getMessage()
                            : "could not be saved"));
                    progress.done++;
                    progress.failed++;
                }
            }
        }
        return errors;
    }

    private Optional<String> problemOf(String brandId, ImportRow row) {
        if (row.unreadable() != null) {
            return Optional.of(row.unreadable());
        }
        ProductRequest request = row.request();
        if (request.brandId() != null && !request.brandId().equals(brandId)) {
            return Optional.of("brandId: " + request.brandId() + " is not the brand of this import");
        }
        Set<ConstraintViolation<ProductRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return Optional.of(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        try {
            ProductRules.requireValid(request);
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(e.getMessage());
        }
    }
}
