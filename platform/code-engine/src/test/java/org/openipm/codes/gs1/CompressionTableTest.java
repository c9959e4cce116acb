package org.openipm.codes.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The value formats rebuilt from the syntax dictionary match the compression table of GS1's toolkit. */
class CompressionTableTest {

    @Test
    @DisplayName("every AI of the toolkit's compression table gets the same binary format")
    void formatsMatchTheToolkit() throws IOException {
        CompressionTable table = CompressionTable.of(AiDictionary.bundled());
        List<String> lines;
        try (var in = getClass().getResourceAsStream("/org/openipm/codes/dl-compression/toolkit-format-table.tsv")) {
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
        assertThat(lines).hasSizeGreaterThan(400);
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            List<CompressionTable.Part> parts = table.format(f[0]);
            String ours = parts == null ? "missing" : describe(parts);
            if (!ours.equals(f[1])) {
                differences.add(f[0] + ": toolkit " + f[1] + ", ours " + ours);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    @DisplayName("bit widths as the standard computes them")
    void widths() {
        assertThat(CompressedDigitalLink.valueBits(0)).isEqualTo(1);
        assertThat(CompressedDigitalLink.valueBits(6)).isEqualTo(20);
        assertThat(CompressedDigitalLink.valueBits(14)).isEqualTo(47);
        assertThat(CompressedDigitalLink.valueBits(18)).isEqualTo(60);
        assertThat(CompressedDigitalLink.lengthBits(20)).isEqualTo(5);
        assertThat(CompressedDigitalLink.lengthBits(16)).isEqualTo(5);
        assertThat(CompressedDigitalLink.lengthBits(8)).isEqualTo(4);
    }

    private static String describe(List<CompressionTable.Part> parts) {
        List<String> out = new ArrayList<>();
        for (CompressionTable.Part p : parts) {
            out.add((p.numeric() ? "N" : "X") + (p.fixed() ? "" : "..") + p.length());
        }
        return String.join("+", out);
    }
}
