package org.openipm.messaging.shipment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.openipm.codes.CodeInterpreter;

/**
 * What an officer sends to flag a shipment. Limits keep one flag within what a case and its events can carry; the
 * module README lists them.
 */
public record ShipmentRequest(
        @NotNull(message = "transportMode is SEA, AIR, ROAD, RAIL, POSTAL or EXPRESS") TransportMode transportMode,
        @NotEmpty(message = "at least one identifier (container, air waybill, postal item or reference) is required")
        @Size(max = MAX_IDENTIFIERS, message = "at most " + MAX_IDENTIFIERS + " identifiers")
        List<@NotNull @Valid Identifier> identifiers,
        @Pattern(regexp = "^[A-Z]{2}$", message = "originCountry is an ISO 3166-1 alpha-2 code such as CN")
        String originCountry,
        @Pattern(regexp = "^[A-Z]{2}$", message = "destinationCountry is an ISO 3166-1 alpha-2 code such as FR")
        String destinationCountry,
        @NotBlank(message = "office is required: the code of one of your authority's offices") @Size(max = 20)
        String office,
        @NotEmpty(message = "at least one goods line is required")
        @Size(max = MAX_GOODS_LINES, message = "at most " + MAX_GOODS_LINES + " goods lines")
        List<@NotNull @Valid GoodsLine> goods,
        @Valid Party trader,
        @Valid Party consignee,
        @Valid Party consignor,
        @Size(max = MAX_NOTES, message = "notes are at most " + MAX_NOTES + " characters") String notes,
        // Joint operations (operation package): the operation the officer names, if any.
        java.util.UUID operationId) {

    public static final int MAX_IDENTIFIERS = 20;
    public static final int MAX_GOODS_LINES = 100;
    public static final int MAX_PRODUCTS_PER_LINE = 50;
    public static final int MAX_PRODUCTS = 200;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_NOTES = 4000;

    /** @param kind CONTAINER, AIR_WAYBILL, POSTAL_ITEM or REFERENCE */
    public record Identifier(
            @NotNull(message = "kind is CONTAINER, AIR_WAYBILL, POSTAL_ITEM or REFERENCE") IdentifierKind kind,
            @NotBlank(message = "value is required") @Size(max = 100) String value) {
    }

    public record GoodsLine(
            @NotBlank(message = "description is required")
            @Size(max = MAX_DESCRIPTION, message = "description is at most " + MAX_DESCRIPTION + " characters")
            String description,
            @PositiveOrZero @DecimalMax(value = "1e12", message = "quantity is at most 10^12") Double quantity,
            @Size(max = 20) String unit,
            @Pattern(regexp = "^[0-9]{4,10}$", message = "hsCode is 4 to 10 digits of the Harmonized System")
            String hsCode,
            @Size(max = MAX_PRODUCTS_PER_LINE, message = "at most " + MAX_PRODUCTS_PER_LINE
                    + " suspected products per goods line")
            List<@NotNull @Valid SuspectedProduct> suspectedProducts) {

        public List<SuspectedProduct> suspectedOrNone() {
            return suspectedProducts == null ? List.of() : suspectedProducts;
        }
    }

    /** Either the code exactly as the scanner gave it, or the id of a catalogue product the officer picked. */
    public record SuspectedProduct(
            @Size(max = CodeInterpreter.MAX_INPUT_LENGTH, message = "a code is at most "
                    + CodeInterpreter.MAX_INPUT_LENGTH + " characters") String code,
            UUID productId) {
    }

    /** @param onlineSellerUrl the storefront a small parcel was bought from, when known */
    public record Party(
            @Size(max = 200) String name,
            @Size(max = 500) String address,
            @Pattern(regexp = "^[A-Z]{2}$", message = "country is an ISO 3166-1 alpha-2 code") String country,
            @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "onlineSellerUrl is an http(s) URL")
            String onlineSellerUrl) {
    }
}
