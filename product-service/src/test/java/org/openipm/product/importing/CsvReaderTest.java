package org.openipm.product.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsKeepSeparatorsQuotesAndLineBreaks() throws IOException {
        List<CsvReader.Row> rows = readAll("\uFEFFsku,name\r\n\"A,1\",\"say \"\"hi\"\"\nthere\"\n\nB,plain\rC,x", 100);
        assertThat(rows).containsExactly(
                new CsvReader.Row(1, List.of("sku", "name")),
                new CsvReader.Row(2, List.of("A,1", "say \"hi\"\nthere")),
                new CsvReader.Row(5, List.of("B", "plain")),
                new CsvReader.Row(6, List.of("C", "x")));
    }

    @Test
    void aStrayQuoteNamesItsLine() {
        assertThatThrownBy(() -> readAll("a,b\nx\"y,z\n", 100))
                .isInstanceOf(CsvReader.MalformedCsvException.class).hasMessage("line 2: a quote inside an unquoted"
                        + " field (quote the whole field and double the quote)");
    }

    @Test
    void readingStopsAtTheFirstLineOverTheLimitWithoutReadingTheRest() {
        // An endless input: only a reader that stops at the limit returns.
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, 'x');
                return length;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new CsvReader(endless, 1000).next())
                .isInstanceOfSatisfying(LineLimit.LineTooLongException.class, e -> assertThat(e.line).isEqualTo(1));
    }

    private static List<CsvReader.Row> readAll(String text, int maxLineLength) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text), maxLineLength);
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
