package org.openipm.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.openipm.testing.KafkaBroker;

/** What the broker says of consumer groups and topics, through the Kafka Admin API: who owns what, how far. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin = KafkaBroker.admin();

    /**
     * The partitions of {@code topic} each member of a stable group owns, by the member's client id; empty while
     * the group rebalances (its assignment is then in flux).
     */
    Map<String, Set<Integer>> partitionsByClient(String group, String topic) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group));
        if (description.groupState() != GroupState.STABLE) {
            return Map.of();
        }
        Map<String, Set<Integer>> owned = new HashMap<>();
        for (MemberDescription member : description.members()) {
            Set<Integer> partitions = member.assignment().topicPartitions().stream()
                    .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition)
                    .collect(Collectors.toCollection(TreeSet::new));
            owned.merge(member.clientId(), partitions, (a, b) -> {
                Set<Integer> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        return owned;
    }

    /** The group's committed offset of each partition of the topic it has committed in. */
    Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }

    /** The offset the next record of each partition of the topic will get. */
    Map<Integer, Long> endOffsets(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < partitions(topic); partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition.partition(),
                info.offset()));
        return ends;
    }

    int partitions(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
