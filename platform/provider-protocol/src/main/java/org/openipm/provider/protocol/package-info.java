/**
 * The OpenIPM provider protocol, version 1: what OpenIPM sends a security solution provider to ask "is this mark
 * genuine?" ({@link AuthenticationQuery}) and what the provider answers ({@link AuthenticationAnswer}), over HTTP
 * or Kafka, both directions signed the Standard Webhooks way ({@link MessageSignatures}). Plain records: the JSON
 * names are fixed here once, and {@code docs/provider-protocol.md} describes the same messages for providers who
 * never see this code.
 */
package org.openipm.provider.protocol;
