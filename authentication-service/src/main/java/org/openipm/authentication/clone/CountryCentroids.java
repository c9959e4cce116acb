package org.openipm.authentication.clone;

import java.util.Map;
import java.util.Optional;

/**
 * Approximate geographic centres of countries (degrees, WGS 84), for sightings given without coordinates. Coarse
 * on purpose: {@link CloneDetector} allows for it with a margin. A country missing here is never used to suspect a
 * clone.
 */
final class CountryCentroids {

    private static final Map<String, double[]> CENTRES = Map.ofEntries(
            Map.entry("AE", new double[] { 23.4, 53.8 }), Map.entry("AR", new double[] { -38.4, -63.6 }),
            Map.entry("AT", new double[] { 47.5, 14.6 }), Map.entry("AU", new double[] { -25.3, 133.8 }),
            Map.entry("BE", new double[] { 50.5, 4.5 }), Map.entry("BG", new double[] { 42.7, 25.5 }),
            Map.entry("BR", new double[] { -14.2, -51.9 }), Map.entry("CA", new double[] { 56.1, -106.3 }),
            Map.entry("CH", new double[] { 46.8, 8.2 }), Map.entry("CL", new double[] { -35.7, -71.5 }),
            Map.entry("CN", new double[] { 35.9, 104.2 }), Map.entry("CO", new double[] { 4.6, -74.3 }),
            Map.entry("CZ", new double[] { 49.8, 15.5 }), Map.entry("DE", new double[] { 51.2, 10.5 }),
            Map.entry("DK", new double[] { 56.3, 9.5 }), Map.entry("DZ", new double[] { 28.0, 1.7 }),
            Map.entry("EG", new double[] { 26.8, 30.8 }), Map.entry("ES", new double[] { 40.5, -3.7 }),
            Map.entry("FI", new double[] { 61.9, 25.7 }), Map.entry("FR", new double[] { 46.2, 2.2 }),
            Map.entry("GB", new double[] { 55.4, -3.4 }), Map.entry("GR", new double[] { 39.1, 21.8 }),
            Map.entry("HK", new double[] { 22.3, 114.2 }), Map.entry("HR", new double[] { 45.1, 15.2 }),
            Map.entry("HU", new double[] { 47.2, 19.5 }), Map.entry("ID", new double[] { -0.8, 113.9 }),
            Map.entry("IE", new double[] { 53.4, -8.2 }), Map.entry("IL", new double[] { 31.0, 34.9 }),
            Map.entry("IN", new double[] { 20.6, 79.0 }), Map.entry("IT", new double[] { 41.9, 12.6 }),
            Map.entry("JP", new double[] { 36.2, 138.3 }), Map.entry("KE", new double[] { -0.0, 37.9 }),
            Map.entry("KR", new double[] { 35.9, 127.8 }), Map.entry("MA", new double[] { 31.8, -7.1 }),
            Map.entry("MX", new double[] { 23.6, -102.6 }), Map.entry("MY", new double[] { 4.2, 102.0 }),
            Map.entry("NG", new double[] { 9.1, 8.7 }), Map.entry("NL", new double[] { 52.1, 5.3 }),
            Map.entry("NO", new double[] { 60.5, 8.5 }), Map.entry("NZ", new double[] { -40.9, 174.9 }),
            Map.entry("PE", new double[] { -9.2, -75.0 }), Map.entry("PH", new double[] { 12.9, 121.8 }),
            Map.entry("PK", new double[] { 30.4, 69.3 }), Map.entry("PL", new double[] { 51.9, 19.1 }),
            Map.entry("PT", new double[] { 39.4, -8.2 }), Map.entry("RO", new double[] { 45.9, 25.0 }),
            Map.entry("RS", new double[] { 44.0, 21.0 }), Map.entry("RU", new double[] { 61.5, 105.3 }),
            Map.entry("SA", new double[] { 23.9, 45.1 }), Map.entry("SE", new double[] { 60.1, 18.6 }),
            Map.entry("SG", new double[] { 1.35, 103.8 }), Map.entry("SK", new double[] { 48.7, 19.7 }),
            Map.entry("TH", new double[] { 15.9, 101.0 }), Map.entry("TN", new double[] { 33.9, 9.5 }),
            Map.entry("TR", new double[] { 39.0, 35.2 }), Map.entry("TW", new double[] { 23.7, 121.0 }),
            Map.entry("UA", new double[] { 48.4, 31.2 }), Map.entry("US", new double[] { 37.1, -95.7 }),
            Map.entry("VN", new double[] { 14.1, 108.3 }), Map.entry("ZA", new double[] { -30.6, 22.9 }));

    private CountryCentroids() {
    }

    static Optional<double[]> of(String country) {
        return Optional.ofNullable(country == null ? null : CENTRES.get(country));
    }
}
