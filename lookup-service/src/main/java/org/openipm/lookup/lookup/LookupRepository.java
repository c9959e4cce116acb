package org.openipm.lookup.lookup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The lookup's single query: every way a code can designate a product (GTIN index, TAC range, products whose
 * proprietary pattern matched) joined to the precomputed officer card, with contacts filtered in the database;
 * a plain GTIN, nearly every scan, takes a query with the GTIN branch only. An answer holds a bounded number of
 * products, so a flood of matches (many products claiming one GTIN, TAC range or pattern) cannot blow it up.
 * Plain JDBC on purpose: this is the officers' hot path, a read of precomputed JSON that needs no entity, no
 * session and no transaction.
 */
@ApplicationScoped
public class LookupRepository {

    private final AgroalDataSource dataSource;

    public LookupRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String CONTACTS_FOR_COUNTRY = "$[*] ? (@.country == $c || @.country == \"*\")";
    private static final String CARD_AND_CONTACTS = """
            p.card, cast(case when ? then p.contacts
                              else jsonb_path_query_array(p.contacts, cast(? as jsonpath), jsonb_build_object('c', ?))
                         end as text)""";
    /**
     * Nearly every scan: a GTIN that is no IMEI and matched no proprietary pattern. At most {@code limit} products,
     * each brand's first before any brand's second (so one brand's flood cannot push the others out), and how
     * many there are in all.
     */
    private static final String GTIN_MATCHES = """
            select p.id, p.brand_id, 'GTIN', %s, count(*) over (), g.verified
            from product_gtin g join product p on p.id = g.product_id
            where g.gtin = ?
            order by row_number() over (partition by g.brand_id order by p.id), p.id
            limit ?""".formatted(CARD_AND_CONTACTS);
    /** The same over every way a code designates a product: GTIN, then TAC range, then proprietary pattern. */
    private static final String ALL_MATCHES = """
            with m as (select product_id, 'GTIN' as how, 1 as rank, verified from product_gtin where gtin = ?
                       union all
                       select product_id, 'TAC_RANGE', 2, true from product_tac_range where tacs @> cast(? as bigint)
                       union all
                       select cast(x as uuid), 'PROPRIETARY_PATTERN', 3, true
                       from unnest(string_to_array(?, ',')) as x),
                 found as (select m.product_id, p.brand_id, min(m.rank) as rank, count(*) over () as total
                           from m join product p on p.id = m.product_id
                           group by m.product_id, p.brand_id),
                 shown as (select product_id, rank, total,
                                  row_number() over (partition by brand_id order by rank, product_id) as nth
                           from found
                           order by rank, nth, product_id
                           limit ?)
            select p.id, p.brand_id, m.how, %s, s.total, m.verified
            from shown s join m on m.product_id = s.product_id join product p on p.id = s.product_id
            order by s.rank, s.nth, s.product_id, m.rank""".formatted(CARD_AND_CONTACTS);

    /**
     * Callers ask only when the code carries at least one of GTIN, TAC or pattern matches.
     *
     * @param gtin14 the GTIN, or null
     * @param tac the IMEI type allocation code, or null
     * @param patternMatches products whose proprietary pattern matched the code
     * @param country contacts for this country and for every country ("*") are returned; all of them when null
     * @param maxProducts at most this many products are read; {@link Matches#total()} says how many there are
     */
    public Matches matches(String gtin14, String tac, Collection<UUID> patternMatches, String country,
            int maxProducts) {
        boolean gtinOnly = tac == null && patternMatches.isEmpty();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(gtinOnly ? GTIN_MATCHES : ALL_MATCHES)) {
            int next = 1;
            if (gtinOnly) {
                next = setContacts(query, next, country);
                query.setString(next++, gtin14 == null ? "" : gtin14);
                query.setInt(next, maxProducts);
            } else {
                query.setString(next++, gtin14 == null ? "" : gtin14);
                query.setLong(next++, tac == null ? -1L : Long.parseLong(tac));
                query.setString(next++, patternMatches.stream().map(UUID::toString).collect(Collectors.joining(",")));
                query.setInt(next++, maxProducts);
                setContacts(query, next, country);
            }
            List<MatchRow> rows = new ArrayList<>();
            int total = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new MatchRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getBoolean(7)));
                    total = result.getInt(6);
                }
            }
            return new Matches(List.copyOf(rows), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Lookup query failed", e);
        }
    }

    private static int setContacts(PreparedStatement query, int first, String country) throws SQLException {
        query.setBoolean(first, country == null);
        query.setString(first + 1, CONTACTS_FOR_COUNTRY);
        query.setString(first + 2, country == null ? "" : country);
        return first + 3;
    }

    /** The rows of the products shown (one per way each was matched), and how many products matched in all. */
    public record Matches(List<MatchRow> rows, int total) {
        static final Matches NONE = new Matches(List.of(), 0);

        /** Fewer products shown than matched. */
        public boolean capped() {
            return rows.stream().map(MatchRow::productId).distinct().count() < total;
        }
    }

    /**
     * {@code verified} is false only for a GTIN the brand is not known to own (TAC ranges and proprietary patterns
     * carry no such check yet).
     */
    public record MatchRow(UUID productId, String brandId, String matchedBy, String cardJson, String contactsJson,
            boolean verified) {
    }
}
