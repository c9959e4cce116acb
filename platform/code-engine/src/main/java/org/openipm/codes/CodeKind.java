package org.openipm.codes;

/** What kind of code an input was recognised as. */
public enum CodeKind { GS1_DIGITAL_LINK, GS1_ELEMENT_STRING, GTIN, IMEI, PROPRIETARY, UNKNOWN }
