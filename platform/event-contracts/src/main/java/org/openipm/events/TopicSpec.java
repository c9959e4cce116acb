package org.openipm.events;

/**
 * How a platform topic is created: the local launcher and the test broker create topics from these specs, so
 * partitions and compaction are decided once, here.
 */
public record TopicSpec(String name, int partitions, boolean compacted) {
}
