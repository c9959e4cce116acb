package org.openipm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openipm.events.Topics;

class LocalKafkaTest {

    @TempDir
    Path dir;

    @Test
    void platformTopicsAreCreatedOnceAndKeptAcrossARestartOnOtherPorts() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dir, 0, 0)) {
            assertThat(LocalKafka.createTopics(kafka.bootstrapServers(), Topics.PLATFORM_TOPICS))
                    .hasSize(Topics.PLATFORM_TOPICS.size());
        }
        try (LocalKafka kafka = LocalKafka.start(dir, 0, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(LocalKafka.createTopics(kafka.bootstrapServers(), Topics.PLATFORM_TOPICS)).isEmpty();
            String name = Topics.PLATFORM_TOPICS.get(0).name();
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            assertThat(description.partitions()).hasSize(Topics.PLATFORM_TOPICS.get(0).partitions());
        }
    }
}
