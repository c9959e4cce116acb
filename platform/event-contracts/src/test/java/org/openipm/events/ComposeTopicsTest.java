package org.openipm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml creates the same topics, partitions and compaction as Topics.PLATFORM_TOPICS. */
class ComposeTopicsTest {

    private static final Pattern CREATE = Pattern.compile("^\\s*create (\\S+) (\\d+)( compact)?\\s*$", Pattern.MULTILINE);

    @Test
    void composeFileCreatesThePlatformTopicsAsSpecified() throws IOException {
        String compose = Files.readString(Path.of("../..", "docker-compose.yml"));
        Matcher matcher = CREATE.matcher(compose);
        List<TopicSpec> created = new java.util.ArrayList<>();
        while (matcher.find()) {
            created.add(new TopicSpec(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3) != null));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.PLATFORM_TOPICS);
    }
}
