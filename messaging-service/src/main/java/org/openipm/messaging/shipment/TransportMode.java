package org.openipm.messaging.shipment;

public enum TransportMode {
    SEA, AIR, ROAD, RAIL, POSTAL, EXPRESS
}
