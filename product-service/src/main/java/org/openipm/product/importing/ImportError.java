package org.openipm.product.importing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** Why one row of an import was not applied; the line is the row's first line in the uploaded file. */
@Entity
@Table(name = "import_error")
@IdClass(ImportError.Key.class)
public class ImportError {
    @Id
    public UUID jobId;
    @Id
    public int line;
    public String sku;
    public String message;

    static ImportError of(UUID jobId, RowFailure failure) {
        ImportError error = new ImportError();
        error.jobId = jobId;
        error.line = failure.line();
        error.sku = failure.sku();
        error.message = failure.message();
        return error;
    }

    RowFailure failure() {
        return new RowFailure(line, sku, message);
    }

    public record Key(UUID jobId, int line) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
