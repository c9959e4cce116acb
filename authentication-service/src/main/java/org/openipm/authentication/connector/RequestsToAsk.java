package org.openipm.authentication.connector;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * What a worker reads before asking a provider, in one statement and no transaction of its own (a single statement
 * reads one consistent snapshot): whether the request still waits for its provider, and which published product and
 * brand its code designates (the named product if published, else the oldest product whose verified GTIN it carries).
 * A statement and a transaction per request were a measurable share of a worker's CPU.
 */
@ApplicationScoped
public class RequestsToAsk {

    private final AgroalDataSource dataSource;

    public RequestsToAsk(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param answered the request is completed, or its query already went to a Kafka provider that will answer it
     * @param productId the designated product, null when none
     * @param brandId its brand, null when none
     */
    public record RequestToAsk(boolean answered, UUID productId, String brandId) {
    }

    /** Empty when this service never accepted the request. */
    public Optional<RequestToAsk> of(UUID requestId, UUID productId, String gtin) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select r.status = 'COMPLETED' "
                        + "or r.answer_due_at is not null, coalesce(p.product_id, g.product_id), "
                        + "coalesce(p.brand_id, g.brand_id) from authentication_request r "
                        + "left join catalogue_product p on p.product_id = ? and p.published "
                        + "left join lateral (select product_id, brand_id from catalogue_gtin where gtin = ? "
                        + "order by brand_id, product_id limit 1) g on p.product_id is null "
                        + "where r.id = ?")) {
            select.setObject(1, productId);
            select.setString(2, gtin);
            select.setObject(3, requestId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RequestToAsk(row.getBoolean(1), row.getObject(2, UUID.class),
                        row.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read request " + requestId, e);
        }
    }
}
