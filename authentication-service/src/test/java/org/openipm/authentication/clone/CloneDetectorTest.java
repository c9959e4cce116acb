package org.openipm.authentication.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloneDetectorTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");
    private final CloneDetector detector = new CloneDetector(900, 5);

    @Test
    void parisThenNewYorkOneHourLaterIsImpossible() {
        Sighting paris = at("FR", 48.86, 2.35, NOON);
        Sighting newYork = at("US", 40.71, -74.0, NOON.plus(Duration.ofHours(1)));

        var finding = detector.judge(newYork, List.of(paris));

        assertThat(finding).isPresent();
        assertThat(finding.get().earlierSightings()).containsExactly(paris);
        assertThat(finding.get().reason()).contains("km/h");
    }

    @Test
    void parisThenNewYorkTwelveHoursLaterIsPossible() {
        assertThat(detector.judge(at("US", 40.71, -74.0, NOON.plus(Duration.ofHours(12))),
                List.of(at("FR", 48.86, 2.35, NOON)))).isEmpty();
    }

    @Test
    void withoutCoordinatesCountryCentresAreUsedWithAMargin() {
        Sighting france = at("FR", null, null, NOON);
        assertThat(detector.judge(at("SG", null, null, NOON.plus(Duration.ofHours(2))), List.of(france)))
                .isPresent();
        // Neighbours on centroids alone are never impossible: a border office can be next door.
        assertThat(detector.judge(at("BE", null, null, NOON.plus(Duration.ofMinutes(10))), List.of(france)))
                .isEmpty();
        assertThat(detector.judge(at("FR", null, null, NOON.plus(Duration.ofMinutes(1))), List.of(france)))
                .isEmpty();
    }

    @Test
    void anUnknownCountryWithoutCoordinatesSuspectsNothing() {
        assertThat(detector.judge(at("XX", null, null, NOON.plus(Duration.ofMinutes(1))),
                List.of(at("FR", 48.86, 2.35, NOON)))).isEmpty();
    }

    @Test
    void moreVerificationsThanTheMaximumAreSuspect() {
        List<Sighting> earlier = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            earlier.add(at("FR", 48.86, 2.35, NOON.plus(Duration.ofDays(i))));
        }
        assertThat(detector.judge(at("FR", 48.86, 2.35, NOON.plus(Duration.ofDays(5))), earlier)).isEmpty();
        earlier.add(at("FR", 48.86, 2.35, NOON.plus(Duration.ofDays(5))));

        var finding = detector.judge(at("FR", 48.86, 2.35, NOON.plus(Duration.ofDays(6))), earlier);

        assertThat(finding).isPresent();
        assertThat(finding.get().reason()).contains("6 times");
    }

    private static Sighting at(String country, Double latitude, Double longitude, Instant when) {
        return new Sighting(UUID.randomUUID(), country, null, latitude, longitude, when);
    }
}
