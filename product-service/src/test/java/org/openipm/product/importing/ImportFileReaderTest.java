package org.openipm.product.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openipm.product.domain.Category;
import org.openipm.product.domain.ProductStatus;
import org.openipm.product.product.ProductRequest;

/** An upload becomes rows, or is refused as a whole, without a server. */
class ImportFileReaderTest {

    private final ImportFileReader reader = new ImportFileReader(new ObjectMapper(), 3, 200);

    @Test
    void csvColumnsBecomeTheProductRequestAnApiCallWouldSend() {
        List<ImportRow> rows = csv("sku,name,category,status,gtins,tac_ranges,code_pattern\n"
                + "W-1,\"Watch, steel\",watches,published,4006381333931 | 09520123456788,35000000-35009999|35100000,"
                + "ACME-[0-9]{8}\n");
        assertThat(rows).hasSize(1);
        ProductRequest request = rows.get(0).request();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(request.sku()).isEqualTo("W-1");
        assertThat(request.name()).isEqualTo("Watch, steel");
        assertThat(request.category()).isEqualTo(Category.WATCHES);
        assertThat(request.status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(request.gtins()).containsExactly("4006381333931", "09520123456788");
        assertThat(request.tacRanges()).containsExactly(new ProductRequest.TacRangeRequest("35000000", "35009999"),
                new ProductRequest.TacRangeRequest("35100000", null));
        assertThat(request.codePatterns()).extracting(ProductRequest.CodePatternRequest::regex)
                .containsExactly("ACME-[0-9]{8}");
    }

    @Test
    void aBadRowIsReportedOnItsLineAndTheOthersAreKept() {
        List<ImportRow> rows = csv("sku,name,category\nA,Watch,SPACESHIPS\nB,Watch,WATCHES\nC,too,many,fields\n");
        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 3, 4);
        assertThat(rows.get(0).unreadable()).contains("unknown category 'SPACESHIPS'");
        assertThat(rows.get(1).unreadable()).isNull();
        assertThat(rows.get(2).unreadable()).isEqualTo("has 4 fields, the header has 3");
    }

    @Test
    void anUnknownColumnRefusesTheWholeUpload() {
        assertThatThrownBy(() -> csv("sku,name,category,colour\nA,Watch,WATCHES,red\n"))
                .isInstanceOfSatisfying(ImportFileReader.RejectedUploadException.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Unknown CSV column 'colour'");
                });
    }

    @Test
    void aRowPastTheLimitRefusesTheUploadNamingItsLine() {
        assertThatThrownBy(() -> csv("sku,name,category\nA,n,WATCHES\nB,n,WATCHES\nC,n,WATCHES\nD,n,WATCHES\n"))
                .isInstanceOfSatisfying(ImportFileReader.RejectedUploadException.class, e -> {
                    assertThat(e.kind).isEqualTo("import-too-many-rows");
                    assertThat(e.status).isEqualTo(413);
                    assertThat(e.getMessage()).contains("line 5");
                });
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheUpload() {
        byte[] latin1 = "sku,name,category\nA,Montre à quartz,WATCHES\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(ImportFormat.CSV, latin1))
                .isInstanceOf(ImportFileReader.RejectedUploadException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void jsonLinesHoldOneProductObjectPerLineAndSkipBlankLines() {
        List<ImportRow> rows = reader.read(ImportFormat.JSONL, ("""
                {"sku":"J-1","name":"Watch","category":"WATCHES","gtins":["4006381333931"]}

                {"sku":"J-2","name":
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(ImportRow::line).containsExactly(1, 3);
        assertThat(rows.get(0).request().gtins()).containsExactly("4006381333931");
        assertThat(rows.get(1).unreadable()).startsWith("not a product object");
    }

    @Test
    void aLineOverTheLengthLimitRefusesTheUpload() {
        String longName = "x".repeat(300);
        assertThatThrownBy(() -> csv("sku,name,category\nA," + longName + ",WATCHES\n"))
                .isInstanceOfSatisfying(ImportFileReader.RejectedUploadException.class, e -> {
                    assertThat(e.kind).isEqualTo("import-line-too-long");
                    assertThat(e.getMessage()).startsWith("Line 2 ");
                });
    }

    private List<ImportRow> csv(String text) {
        return reader.read(ImportFormat.CSV, text.getBytes(StandardCharsets.UTF_8));
    }
}
