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
 * a plain GTIN, nearly every scan, takes a query with the GTIN branch only.
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
    /** Nearly every scan: a GTIN that is no IMEI and matched no proprietary pattern. */
    private static final String GTIN_MATCHES = """
            select p.id, p.brand_id, 'GTIN', %s, g.verified
            from product_gtin g join product p on p.id = g.product_id
            where g.gtin = ?""".formatted(CARD_AND_CONTACTS);
    private static final String ALL_MATCHES = """
            select p.id, p.brand_id, m.how, %s, m.verified
            from (select product_id, 'GTIN' as how, verified from product_gtin where gtin = ?
                  union all
                  select product_id, 'TAC_RANGE', true from product_tac_range where tacs @> cast(? as bigint)
                  union all
                  select cast(x as uuid), 'PROPRIETARY_PATTERN', true from unnest(string_to_array(?, ',')) as x
                 ) m
            join product p on p.id = m.product_id""".formatted(CARD_AND_CONTACTS);

    /**
     * Callers ask only when the code carries at least one of GTIN, TAC or pattern matches.
     *
     * @param gtin14 the GTIN, or null
     * @param tac the IMEI type allocation code, or null
     * @param patternMatches products whose proprietary pattern matched the code
     * @param country contacts for this country and for every country ("*") are returned; all of them when null
     */
    public List<MatchRow> matches(String gtin14, String tac, Collection<UUID> patternMatches, String country) {
        boolean gtinOnly = tac == null && patternMatches.isEmpty();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(gtinOnly ? GTIN_MATCHES : ALL_MATCHES)) {
            query.setBoolean(1, country == null);
            query.setString(2, CONTACTS_FOR_COUNTRY);
            query.setString(3, country == null ? "" : country);
            query.setString(4, gtin14 == null ? "" : gtin14);
            if (!gtinOnly) {
                query.setLong(5, tac == null ? -1L : Long.parseLong(tac));
                query.setString(6, patternMatches.stream().map(UUID::toString).collect(Collectors.joining(",")));
            }
            List<MatchRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new MatchRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getBoolean(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Lookup query failed", e);
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
