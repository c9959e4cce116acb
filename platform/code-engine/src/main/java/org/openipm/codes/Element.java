package org.openipm.codes;

/** One GS1 Application Identifier with its (decoded) value and the dictionary title of the AI. */
public record Element(String ai, String value, String title) {}
