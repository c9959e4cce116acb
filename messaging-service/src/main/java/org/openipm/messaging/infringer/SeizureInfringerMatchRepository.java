package org.openipm.messaging.infringer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The red flags of matched seizures ({@code seizure_infringer_match}), written a poll at a time: two statements for
 * the whole poll, on the caller's transaction.
 */
@ApplicationScoped
public class SeizureInfringerMatchRepository {

    /** A seizure's match to store. */
    public record Row(UUID seizureId, InfringerMatch match) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public SeizureInfringerMatchRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Makes the stored matches of these seizures exactly {@code rows} (a new version of a seizure may match less) and
     * returns the {@code seizureId/entryId} keys of the rows that were not stored before: the ones to tell about.
     */
    public Set<String> replace(List<UUID> seizureIds, List<Row> rows, Instant at) {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seizure_id", row.seizureId());
            record.put("entry_id", row.match().entryId());
            record.put("brand_id", row.match().brandId());
            record.put("kind", row.match().kind());
            record.put("listed", row.match().listed());
            record.put("evidence", row.match().evidence());
            records.add(record);
        }
        String recordsJson = write(records);
        Set<String> inserted = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement stale = connection.prepareStatement("delete from seizure_infringer_match m "
                    + "where m.seizure_id = any(?::uuid[]) and not exists (select 1 from jsonb_to_recordset(?::jsonb) "
                    + "as t(seizure_id uuid, entry_id uuid) where t.seizure_id = m.seizure_id "
                    + "and t.entry_id = m.entry_id)")) {
                stale.setArray(1, connection.createArrayOf("uuid", seizureIds.toArray()));
                stale.setString(2, recordsJson);
                stale.executeUpdate();
            }
            if (rows.isEmpty()) {
                return inserted;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into seizure_infringer_match "
                    + "(seizure_id, entry_id, brand_id, kind, listed, evidence, matched_at) "
                    + "select t.seizure_id, t.entry_id, t.brand_id, t.kind, t.listed, t.evidence, ? "
                    + "from jsonb_to_recordset(?::jsonb) as t(seizure_id uuid, entry_id uuid, brand_id text, "
                    + "kind text, listed text, evidence text) on conflict do nothing returning seizure_id, entry_id")) {
                insert.setObject(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                insert.setString(2, recordsJson);
                try (ResultSet stored = insert.executeQuery()) {
                    while (stored.next()) {
                        inserted.add(stored.getObject(1, UUID.class) + "/" + stored.getObject(2, UUID.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure red flags could not be stored", e);
        }
        return inserted;
    }

    /** The seizure a reporting authority knows by its external id. */
    public Optional<UUID> seizureOf(String authority, String externalId) {
        return query("select id from seizure where authority = ? and external_id = ?", List.of(authority, externalId),
                rows -> rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty());
    }

    /** Whether the seizure exists and holds verified goods of the brand. */
    public boolean holdsGoodsOf(UUID seizureId, String brandId) {
        return query("select 1 from seizure_line where seizure_id = ? and ? = any(brand_ids) limit 1",
                List.of(seizureId, brandId), ResultSet::next);
    }

    /** The seizure's matches, every brand's or one brand's. */
    public List<InfringerMatch> ofSeizure(UUID seizureId, Optional<String> onlyBrand) {
        return query("select entry_id, brand_id, kind, listed, evidence from seizure_infringer_match "
                + "where seizure_id = ? and (? is null or brand_id = ?) order by brand_id, kind, entry_id",
                java.util.Arrays.asList(seizureId, onlyBrand.orElse(null), onlyBrand.orElse(null)), rows -> {
                    List<InfringerMatch> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(new InfringerMatch(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getString(3), rows.getString(4), null, rows.getString(5)));
                    }
                    return found;
                });
    }

    private <T> T query(String sql, List<Object> parameters, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) == null) {
                    statement.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters.get(i));
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seizure red flags could not be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Seizure red flags cannot be written as JSON", e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
