package org.openipm.lookup.scan;

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
import org.openipm.lookup.answers.MatchRow;
import org.openipm.lookup.answers.Matches;

/**
 * The lookup's query: every way a code can designate a product (GTIN index, TAC range, products whose proprietary
 * pattern matched) joined to the precomputed officer card, with contacts filtered in the database. A plain GTIN,
 * nearly every scan, is a bare probe of the GTIN index. An answer holds a bounded number of products, so a flood of
 * matches (many products claiming one GTIN, TAC range or pattern) cannot blow it up. Plain JDBC on purpose: this is
 * the officers' hot path, a read of precomputed JSON that needs no entity, no session and no transaction.
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
     * Nearly every scan: a GTIN that is no IMEI and matched no proprietary pattern, claimed by a handful of products
     * at most. A bare index probe (no window function, no sort): one row more than an answer shows tells whether the
     * capped query below is needed.
     */
    private static final String GTIN_MATCHES = """
            select p.id, p.brand_id, 'GTIN', %s, g.verified
            from product_gtin g join product p on p.id = g.product_id
            where g.gtin = ?
            limit ?""".formatted(CARD_AND_CONTACTS);
    /**
     * A GTIN claimed by more products than an answer shows: each brand's first before any brand's second (so one
     * brand's flood cannot push the others out), and how many there are in all.
     */
    private static final String GTIN_MATCHES_CAPPED = """
            select p.id, p.brand_id, 'GTIN', %s, g.verified, count(*) over ()
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
                       select x, 'PROPRIETARY_PATTERN', 3, true from unnest(cast(? as uuid[])) as x),
                 found as (select m.product_id, p.brand_id, min(m.rank) as rank, count(*) over () as total
                           from m join product p on p.id = m.product_id
                           group by m.product_id, p.brand_id),
                 shown as (select product_id, rank, total,
                                  row_number() over (partition by brand_id order by rank, product_id) as nth
                           from found
                           order by rank, nth, product_id
                           limit ?)
            select p.id, p.brand_id, m.how, %s, m.verified, s.total
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
        try (Connection connection = dataSource.getConnection()) {
            if (tac != null || !patternMatches.isEmpty()) {
                return allMatches(connection, gtin14, tac, patternMatches, country, maxProducts);
            }
            List<MatchRow> rows = gtinMatches(connection, gtin14, country, maxProducts + 1);
            if (rows.size() <= maxProducts) {
                return new Matches(BrandFairOrder.sorted(rows), rows.size());
            }
            return gtinMatchesCapped(connection, gtin14, country, maxProducts);
        } catch (SQLException e) {
            throw new IllegalStateException("Lookup query failed", e);
        }
    }

    private static List<MatchRow> gtinMatches(Connection connection, String gtin14, String country, int limit)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(GTIN_MATCHES)) {
            int next = setContacts(query, 1, country);
            query.setString(next++, gtin14 == null ? "" : gtin14);
            query.setInt(next, limit);
            List<MatchRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return rows;
        }
    }

    private static Matches gtinMatchesCapped(Connection connection, String gtin14, String country, int maxProducts)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(GTIN_MATCHES_CAPPED)) {
            int next = setContacts(query, 1, country);
            query.setString(next++, gtin14 == null ? "" : gtin14);
            query.setInt(next, maxProducts);
            return read(query);
        }
    }

    private static Matches allMatches(Connection connection, String gtin14, String tac,
            Collection<UUID> patternMatches, String country, int maxProducts) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ALL_MATCHES)) {
            int next = 1;
            query.setString(next++, gtin14 == null ? "" : gtin14);
            query.setLong(next++, tac == null ? -1L : Long.parseLong(tac));
            query.setArray(next++, connection.createArrayOf("uuid", patternMatches.toArray()));
            query.setInt(next++, maxProducts);
            setContacts(query, next, country);
            return read(query);
        }
    }

    /** Rows whose seventh column is the number of products matched in all. */
    private static Matches read(PreparedStatement query) throws SQLException {
        List<MatchRow> rows = new ArrayList<>();
        int total = 0;
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
                total = result.getInt(7);
            }
        }
        return new Matches(List.copyOf(rows), total);
    }

    private static MatchRow row(ResultSet result) throws SQLException {
        return new MatchRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                result.getString(4), result.getString(5), result.getBoolean(6));
    }

    private static int setContacts(PreparedStatement query, int first, String country) throws SQLException {
        query.setBoolean(first, country == null);
        query.setString(first + 1, CONTACTS_FOR_COUNTRY);
        query.setString(first + 2, country == null ? "" : country);
        return first + 3;
    }
}
