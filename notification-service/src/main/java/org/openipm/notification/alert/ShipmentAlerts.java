package org.openipm.notification.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openipm.events.cases.ShipmentFlagged;

/**
 * Which alerts a flagged shipment makes: one for each brand participant, telling it where and how the goods travel
 * and which of the declared goods are its own. A shipment often holds several brands' goods; each brand reads only
 * the lines that name it and sees no other brand named, as in its view of the case.
 */
public final class ShipmentAlerts {

    private ShipmentAlerts() {
    }

    public static List<Alert> of(UUID sourceEventId, ShipmentFlagged flagged) {
        List<String> countries = Stream.of(flagged.country(), flagged.originCountry(), flagged.destinationCountry())
                .filter(Objects::nonNull).distinct().toList();
        Set<String> brands = new LinkedHashSet<>(flagged.brandIds());
        List<Alert> alerts = new ArrayList<>(brands.size());
        for (String brand : brands) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("caseId", flagged.caseId().toString());
            facts.put("brand", brand);
            facts.put("country", flagged.country());
            putIfKnown(facts, "office", flagged.office());
            putIfKnown(facts, "transportMode", flagged.transportMode());
            putIfKnown(facts, "originCountry", flagged.originCountry());
            putIfKnown(facts, "destinationCountry", flagged.destinationCountry());
            facts.put("goods", goodsOf(brand, flagged.goods()));
            alerts.add(Alert.of(AlertType.SHIPMENT_FLAGGED, Recipient.brand(brand), List.of(brand), countries, facts,
                    CaseLinks.of(flagged.caseId()), sourceEventId, flagged.flaggedAt()));
        }
        return alerts;
    }

    /** The brand's own lines, as "description (quantity unit)" joined by "; ". */
    static String goodsOf(String brand, List<ShipmentFlagged.GoodsLine> goods) {
        if (goods == null) {
            return "";
        }
        return goods.stream().filter(line -> line.brandIds() != null && line.brandIds().contains(brand))
                .map(ShipmentAlerts::describe).collect(Collectors.joining("; "));
    }

    private static String describe(ShipmentFlagged.GoodsLine line) {
        if (line.quantity() == null) {
            return line.description();
        }
        double quantity = line.quantity();
        String amount = quantity == Math.rint(quantity) ? Long.toString((long) quantity) : Double.toString(quantity);
        return line.description() + " (" + amount + (line.unit() == null ? "" : " " + line.unit()) + ")";
    }

    private static void putIfKnown(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
