package org.openipm.messaging.cases.rules;

/**
 * How a period may be extended, in the period's own unit.
 *
 * @param maxTimes  how many extensions at most, {@code null} for no limit in law
 * @param maxAmount the longest single extension, {@code null} for no limit in law
 */
public record ExtensionPolicy(Integer maxTimes, Integer maxAmount, String citation) {
}
