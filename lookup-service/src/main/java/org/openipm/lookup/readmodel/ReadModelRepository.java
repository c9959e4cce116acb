package org.openipm.lookup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Writes the read model in set-based SQL: a whole poll of snapshots becomes about ten statements, whatever the
 * number of products and codes in it, which keeps a replay of product-events and a catalogue's bulk import fast.
 * Rows are passed as parallel arrays and expanded with {@code unnest}, on the transaction's own connection.
 */
@ApplicationScoped
public class ReadModelRepository implements PanacheRepositoryBase<PublishedProduct, UUID> {

    /**
     * Records each product's version as its latest applied one, and returns the products for which it was newer
     * than what was applied (a replayed or late snapshot is not returned: the caller changes nothing for it).
     * The products must be distinct.
     */
    public Set<UUID> claimVersions(List<UUID> products, List<Long> versions, List<String> statuses) {
        return jdbc(c -> returned(c, UUID.class, """
                insert into applied_version (product_id, version, status)
                select * from unnest(?, ?, ?)
                on conflict (product_id) do update set version = excluded.version, status = excluded.status
                where applied_version.version < excluded.version
                returning product_id""", array(c, "uuid", products), array(c, "bigint", versions),
                array(c, "varchar", statuses)));
    }

    /** Keeps each brand's name and company prefixes as given (distinct brands); returns those that changed. */
    public Set<String> upsertBrands(List<String> brands, List<String> names, List<String> prefixesJson) {
        return jdbc(c -> returned(c, String.class, """
                insert into brand (id, name, company_prefixes)
                select b, n, cast(p as jsonb) from unnest(?, ?, ?) as t(b, n, p)
                on conflict (id) do update set name = excluded.name, company_prefixes = excluded.company_prefixes
                where brand.name is distinct from excluded.name
                   or brand.company_prefixes is distinct from excluded.company_prefixes
                returning id""", array(c, "varchar", brands), array(c, "varchar", names),
                array(c, "text", prefixesJson)));
    }

    /** Deletes the products' GTINs, TAC ranges and patterns; returns the products that had patterns. */
    public Set<UUID> removeCodes(List<UUID> products) {
        return jdbc(c -> {
            Array ids = array(c, "uuid", products);
            update(c, "delete from product_gtin where product_id = any(?)", ids);
            update(c, "delete from product_tac_range where product_id = any(?)", ids);
            return returned(c, UUID.class,
                    "delete from product_code_pattern where product_id = any(?) returning product_id", ids);
        });
    }

    /** Removes products officers must no longer find (taken back to draft, retired). */
    public void removeProducts(List<UUID> products) {
        jdbc(c -> update(c, "delete from product where id = any(?)", array(c, "uuid", products)));
    }

    public void upsertProducts(List<ProductRow> rows) {
        jdbc(c -> update(c, """
                insert into product (id, brand_id, brand_name, name, category, description, version, card, contacts,
                                     snapshot)
                select id, brand_id, brand_name, name, category, description, version, card,
                       cast(contacts as jsonb), cast(snapshot as jsonb)
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     as t(id, brand_id, brand_name, name, category, description, version, card, contacts, snapshot)
                on conflict (id) do update set brand_id = excluded.brand_id, brand_name = excluded.brand_name,
                    name = excluded.name, category = excluded.category, description = excluded.description,
                    version = excluded.version, card = excluded.card, contacts = excluded.contacts,
                    snapshot = excluded.snapshot""",
                array(c, "uuid", rows.stream().map(ProductRow::id).toList()),
                array(c, "varchar", rows.stream().map(ProductRow::brandId).toList()),
                array(c, "varchar", rows.stream().map(ProductRow::brandName).toList()),
                array(c, "varchar", rows.stream().map(ProductRow::name).toList()),
                array(c, "varchar", rows.stream().map(ProductRow::category).toList()),
                array(c, "text", rows.stream().map(ProductRow::description).toList()),
                array(c, "bigint", rows.stream().map(ProductRow::version).toList()),
                array(c, "text", rows.stream().map(ProductRow::cardJson).toList()),
                array(c, "text", rows.stream().map(ProductRow::contactsJson).toList()),
                array(c, "text", rows.stream().map(ProductRow::snapshotJson).toList())));
    }

    /** One row per (GTIN-14, product); duplicates are collapsed. */
    public void insertGtins(List<String> gtins, List<UUID> products, List<String> brands, List<Boolean> verified) {
        jdbc(c -> update(c, """
                insert into product_gtin (gtin, product_id, brand_id, verified)
                select g, p, b, bool_or(v) from unnest(?, ?, ?, ?) as t(g, p, b, v) group by g, p, b""",
                array(c, "varchar", gtins), array(c, "uuid", products), array(c, "varchar", brands),
                array(c, "boolean", verified)));
    }

    public void insertTacRanges(List<UUID> products, List<Long> firstTacs, List<Long> lastTacs) {
        jdbc(c -> update(c, """
                insert into product_tac_range (product_id, first_tac, last_tac)
                select * from unnest(?, ?, ?)""",
                array(c, "uuid", products), array(c, "bigint", firstTacs), array(c, "bigint", lastTacs)));
    }

    /** A pattern id repeated within one product keeps its first regex. */
    public void insertPatterns(List<UUID> products, List<String> patternIds, List<String> regexes,
            List<String> descriptions) {
        jdbc(c -> update(c, """
                insert into product_code_pattern (product_id, pattern_id, regex, description)
                select * from unnest(?, ?, ?, ?) on conflict do nothing""",
                array(c, "uuid", products), array(c, "varchar", patternIds), array(c, "varchar", regexes),
                array(c, "text", descriptions)));
    }

    /** Notifies every listening instance when the current transaction commits; nothing if it rolls back. */
    public void announce(Collection<ReadModelNotice> notices) {
        List<String> payloads = notices.stream().map(ReadModelNotice::payload).toList();
        jdbc(c -> {
            try (PreparedStatement notify = c.prepareStatement(
                    "select count(*) from (select pg_notify(?, p) from unnest(?) as p) as sent")) {
                notify.setString(1, ReadModelNotice.CHANNEL);
                notify.setArray(2, array(c, "text", payloads));
                notify.executeQuery().close();
            }
            return null;
        });
    }

    private <T> T jdbc(ReturningWork<T> work) {
        return getEntityManager().unwrap(Session.class).doReturningWork(work);
    }

    private static Array array(Connection c, String type, List<?> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    private static Void update(Connection c, String sql, Array... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(c, sql, parameters)) {
            statement.executeUpdate();
        }
        return null;
    }

    /** The first column of every row the statement returns. */
    private static <T> Set<T> returned(Connection c, Class<T> type, String sql, Array... parameters)
            throws SQLException {
        Set<T> found = new HashSet<>();
        try (PreparedStatement statement = prepared(c, sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getObject(1, type));
            }
        }
        return found;
    }

    private static PreparedStatement prepared(Connection c, String sql, Array... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setArray(i + 1, parameters[i]);
        }
        return statement;
    }

    /** A published product as the lookup serves it; the JSON is precomputed (see ProductCard). */
    public record ProductRow(UUID id, String brandId, String brandName, String name, String category,
            String description, long version, String cardJson, String contactsJson, String snapshotJson) {
    }
}
