package org.openipm.messaging.seizure.intake;

/** A record on seizure-reported whose producer cannot be proven to speak for its authority: it is set aside. */
public class UnverifiableRecordException extends RuntimeException {

    public UnverifiableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
