package org.openipm.product.importing;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    public UUID id;
    public String brandId;
    @Enumerated(EnumType.STRING)
    public ImportFormat format;
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    public int totalRows;
    public int doneRows;
    public int failedRows;
    public int createdRows;
    public int updatedRows;
    public int unchangedRows;
    /** The upload, kept until the job has finished so that a restarted service can run it again. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    public String submittedBy;
    public Instant createdAt;
    public Instant finishedAt;

    ImportProgress progress(List<RowFailure> errors) {
        return new ImportProgress(id, brandId, format, status, totalRows, doneRows, failedRows, createdRows,
                updatedRows, unchangedRows, errors, createdAt, finishedAt);
    }
}
