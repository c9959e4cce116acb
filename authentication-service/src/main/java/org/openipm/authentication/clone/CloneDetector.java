package org.openipm.authentication.clone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenIPM's own judgement on top of a provider's GENUINE: one serialised code cannot be in two places at once, nor
 * verified without end. A sighting is suspect when, against an earlier one, the distance implies a travel speed
 * above {@code maxSpeedKmh}, or when the code has been verified more than {@code maxVerifications} times.
 * <p>
 * Distances come from coordinates when both sightings have them; otherwise from the country's centre, less
 * {@link #CENTROID_MARGIN_KM} for each point so estimated (a border office can be far from its country's centre),
 * so neighbouring countries never look impossible on centroids alone.
 */
public final class CloneDetector {

    static final double CENTROID_MARGIN_KM = 300;
    private static final double EARTH_RADIUS_KM = 6371.0;
    /** Below this the time between two sightings is not measured finer: clocks and queues differ by seconds. */
    private static final Duration MIN_ELAPSED = Duration.ofMinutes(1);

    private final double maxSpeedKmh;
    private final int maxVerifications;

    public CloneDetector(double maxSpeedKmh, int maxVerifications) {
        this.maxSpeedKmh = maxSpeedKmh;
        this.maxVerifications = maxVerifications;
    }

    /** Why {@code current} looks like a clone and which earlier sightings show it; empty when it does not. */
    public Optional<Finding> judge(Sighting current, List<Sighting> earlier) {
        return judge(current, earlier, new CloneRules.VerificationLimit(maxVerifications, "the default limit"));
    }

    /** As {@link #judge(Sighting, List)}, with the product's own limit of verifications (a brand's clone rules). */
    public Optional<Finding> judge(Sighting current, List<Sighting> earlier, CloneRules.VerificationLimit limit) {
        List<Sighting> impossible = new ArrayList<>();
        double fastest = 0;
        for (Sighting before : earlier) {
            Optional<Double> km = distanceKm(before, current);
            if (km.isEmpty()) {
                continue;
            }
            Duration elapsed = Duration.between(before.seenAt(), current.seenAt()).abs();
            double hours = Math.max(elapsed.toMillis(), MIN_ELAPSED.toMillis()) / 3_600_000.0;
            double speed = km.get() / hours;
            if (speed > maxSpeedKmh) {
                impossible.add(before);
                fastest = Math.max(fastest, speed);
            }
        }
        if (!impossible.isEmpty()) {
            return Optional.of(new Finding(String.format(java.util.Locale.ROOT, "probable clone: the same code was "
                    + "verified genuine elsewhere earlier; reaching here would take %.0f km/h (limit %.0f km/h)",
                    fastest, maxSpeedKmh), impossible));
        }
        if (earlier.size() + 1 > limit.maxVerifications()) {
            return Optional.of(new Finding("probable clone: the same code has been verified " + (earlier.size() + 1)
                    + " times, more than the " + limit.maxVerifications() + " expected (" + limit.source() + ")",
                    List.copyOf(earlier)));
        }
        return Optional.empty();
    }

    /** Great-circle distance, or empty when a place is unknown. */
    static Optional<Double> distanceKm(Sighting a, Sighting b) {
        if (a.hasCoordinates() && b.hasCoordinates()) {
            return Optional.of(haversine(a.latitude(), a.longitude(), b.latitude(), b.longitude()));
        }
        Optional<double[]> from = a.hasCoordinates() ? Optional.of(new double[] { a.latitude(), a.longitude() })
                : CountryCentroids.of(a.country());
        Optional<double[]> to = b.hasCoordinates() ? Optional.of(new double[] { b.latitude(), b.longitude() })
                : CountryCentroids.of(b.country());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (!a.hasCoordinates() && !b.hasCoordinates() && a.country().equals(b.country())) {
            return Optional.of(0.0);
        }
        int estimated = (a.hasCoordinates() ? 0 : 1) + (b.hasCoordinates() ? 0 : 1);
        double km = haversine(from.get()[0], from.get()[1], to.get()[0], to.get()[1]);
        return Optional.of(Math.max(0, km - estimated * CENTROID_MARGIN_KM));
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** @param earlierSightings the earlier sightings that make the current one impossible */
    public record Finding(String reason, List<Sighting> earlierSightings) {
    }
}
