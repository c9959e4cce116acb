package org.openipm.reference.codes;

import java.util.List;

/** The codes just issued, to be printed on the goods. */
public record IssuedCodes(String brandId, String gtin, List<Item> codes) {

    public record Item(String serial, String uri) {
    }
}
