package org.openipm.messaging.cases.thread;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openipm.events.cases.CaseParty;
import org.openipm.messaging.cases.CaseViewer;
import org.openipm.messaging.cases.UnreadMessages;

/**
 * Reads threads through a participant's eyes, in plain SQL: an authority reads every message of the case, a brand
 * those whose {@code brand_id} names it. The caller must have been checked to take part in the case.
 */
@ApplicationScoped
public class ThreadQueries implements UnreadMessages {

    /** Whether the viewer may read a message row {@code m}: parameters viewer is authority, viewer id. */
    private static final String VISIBLE = "(? or m.brand_id = ?)";
    /** Whether the viewer has read a message row {@code m} (its own count as read): bound by bindRead. */
    private static final String READ = "((m.author_kind = ? and m.author_id = ?) or exists (select 1 from "
            + "case_message_read r where r.message_id = m.id and r.party_kind = ? and r.party_id = ?))";
    private static final String UNREAD = "not " + READ;
    private static final TypeReference<List<CaseParty>> PARTIES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ThreadQueries(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public ThreadPage page(UUID caseId, CaseViewer viewer, int page, int size) {
        try (Connection connection = dataSource.getConnection()) {
            List<MessageView> items = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select m.*, " + READ
                    + " as read from case_message m where m.case_id = ? and "
                    + VISIBLE + " order by m.posted_at, m.id limit ? offset ?")) {
                int next = bindRead(query, 1, viewer);
                query.setObject(next++, caseId);
                next = bindVisible(query, next, viewer);
                query.setInt(next++, size);
                query.setLong(next, (long) page * size);
                List<CaseMessage> found = new ArrayList<>();
                List<Boolean> read = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(message(rows));
                        read.add(rows.getBoolean("read"));
                    }
                }
                Map<UUID, List<AttachmentView>> files = attachmentsOf(connection, found.stream().map(m -> m.id)
                        .toList());
                for (int i = 0; i < found.size(); i++) {
                    items.add(MessageView.of(found.get(i), files.getOrDefault(found.get(i).id, List.of()),
                            read.get(i)));
                }
            }
            try (PreparedStatement count = connection.prepareStatement("select count(*), count(*) filter (where "
                    + UNREAD + ") from case_message m where m.case_id = ? and " + VISIBLE)) {
                int next = bindRead(count, 1, viewer);
                count.setObject(next++, caseId);
                bindVisible(count, next, viewer);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return new ThreadPage(items, page, size, rows.getLong(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the thread of case " + caseId + " failed", e);
        }
    }

    /** The viewer's unread messages per case, for the cases given; cases without any are absent. */
    @Override
    public Map<UUID, Long> unreadByCase(List<UUID> caseIds, CaseViewer viewer) {
        Map<UUID, Long> unread = new HashMap<>();
        if (caseIds.isEmpty()) {
            return unread;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select m.case_id, count(*) from case_message m "
                        + "where m.case_id = any(?) and " + VISIBLE + " and " + UNREAD + " group by m.case_id")) {
            query.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
            bindRead(query, bindVisible(query, 2, viewer), viewer);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    unread.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return unread;
        } catch (SQLException e) {
            throw new IllegalStateException("Counting unread messages failed", e);
        }
    }

    /** One message the viewer may read, with its read state. */
    public Optional<MessageView> find(UUID caseId, UUID messageId, CaseViewer viewer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select m.*, " + READ
                        + " as read from case_message m where m.case_id = ? "
                        + "and m.id = ? and " + VISIBLE)) {
            int next = bindRead(query, 1, viewer);
            query.setObject(next++, caseId);
            query.setObject(next++, messageId);
            bindVisible(query, next, viewer);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                CaseMessage message = message(rows);
                return Optional.of(MessageView.of(message, attachmentsOf(connection, List.of(message.id))
                        .getOrDefault(message.id, List.of()), rows.getBoolean("read")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading message " + messageId + " failed", e);
        }
    }

    /** The files of the messages (never their bytes), in the order they were sent. */
    private static Map<UUID, List<AttachmentView>> attachmentsOf(Connection connection, List<UUID> messageIds)
            throws SQLException {
        Map<UUID, List<AttachmentView>> files = new HashMap<>();
        if (messageIds.isEmpty()) {
            return files;
        }
        try (PreparedStatement query = connection.prepareStatement("select message_id, id, file_name, content_type, "
                + "size_bytes, sha256 from case_attachment where message_id = any(?) order by message_id, position")) {
            query.setArray(1, connection.createArrayOf("uuid", messageIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>()).add(
                            new AttachmentView(rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                                    rows.getInt(5), rows.getString(6)));
                }
            }
        }
        return files;
    }

    private static int bindVisible(PreparedStatement statement, int index, CaseViewer viewer) throws SQLException {
        statement.setBoolean(index, !viewer.isBrand());
        statement.setString(index + 1, viewer.id());
        return index + 2;
    }

    private static int bindRead(PreparedStatement statement, int index, CaseViewer viewer) throws SQLException {
        statement.setString(index, viewer.kind());
        statement.setString(index + 1, viewer.id());
        statement.setString(index + 2, viewer.kind());
        statement.setString(index + 3, viewer.id());
        return index + 4;
    }

    private CaseMessage message(ResultSet row) throws SQLException {
        CaseMessage message = new CaseMessage();
        message.id = row.getObject("id", UUID.class);
        message.caseId = row.getObject("case_id", UUID.class);
        message.type = MessageType.valueOf(row.getString("type"));
        message.authorKind = row.getString("author_kind");
        message.authorId = row.getString("author_id");
        message.brandId = row.getString("brand_id");
        message.postedAt = row.getTimestamp("posted_at").toInstant();
        try {
            message.addressedTo = json.readValue(row.getString("addressed_to"), PARTIES);
            message.content = json.readValue(row.getString("content"), MessageContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Message " + message.id + " is stored unreadable", e);
        }
        return message;
    }
}
